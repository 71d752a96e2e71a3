package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.monday;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.processors.deciding.Refresh;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.providers.WeeklyHours.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRefreshTest {

  /** Monday 2026-12-21 08:00 in Manila: the first slot past the page's 14 days at {@link NOW}. */
  private static final Instant THIRD_MONDAY_8 = MONDAY_8.plus(Duration.ofDays(14));

  private final ProviderHarness provider = new ProviderHarness();

  @Test
  void providerWithoutHoursNeedsNoRefresh() {
    provider.accept(ProviderFixtures.profile(Category.PLUMBING));

    assertThat(provider.decider().nextRefresh(provider.state())).isEmpty();
  }

  @Test
  void pageIsDueWhenItsFirstOpenSlotStarts() {
    provider.open();

    assertThat(provider.decider().nextRefresh(provider.state())).contains(MONDAY_8);
  }

  @Test
  void refreshDropsTheSlotThatStartedAndRaisesThePageVersion() {
    provider.open();
    ProviderState before = provider.state();

    Refresh<ProviderState> refresh = provider.decider().refresh(PROVIDER, before, MONDAY_8);

    assertThat(refresh.views())
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.key()).isEqualTo("provider-page/" + PROVIDER);
              assertThat(view.version()).isEqualTo(before.version() + 1);
              assertThat(view.requestId()).isEqualTo("refresh:" + PROVIDER + ":6");
              assertThat(view.at()).isEqualTo(MONDAY_8);
              ProviderPage page = Json.read(view.body(), ProviderPage.class);
              assertThat(page.openSlots()).startsWith(monday(9)).endsWith(THIRD_MONDAY_8);
              assertThat(page.openSlots()).doesNotContain(MONDAY_8);
            });
    assertThat(refresh.state().version()).isEqualTo(6);
    assertThat(provider.decider().nextRefresh(refresh.state())).contains(monday(9));
  }

  @Test
  void refreshThatChangesNoPageWritesNothingAndKeepsTheVersion() {
    provider.open();
    ProviderState before = provider.state();

    Refresh<ProviderState> refresh =
        provider.decider().refresh(PROVIDER, before, MONDAY_8.minusSeconds(1));

    assertThat(refresh.views()).isEmpty();
    assertThat(refresh.state().version()).isEqualTo(before.version());
    assertThat(refresh.state().pageVersion()).isEqualTo(before.pageVersion());
    assertThat(ProviderPages.document(refresh.state(), "r").orElseThrow().body())
        .isEqualTo(ProviderPages.document(before, "r").orElseThrow().body());
  }

  @Test
  void pageRefreshedLateWithoutChangeIsDueNextAfterTheRefresh() {
    // One slot a week, all booked but the third: the page was due when that slot entered its
    // window, and is refreshed only once the slot has passed, with the window booked up again.
    provider.accept(ProviderFixtures.profile(Category.PLUMBING));
    provider.accept(hours(mondayMorning()));
    String listingId = provider.listing(60);
    for (int week : new int[] {0, 1, 3, 4}) {
      provider.book(listingId, MONDAY_8.plus(Duration.ofDays(7L * week)));
    }
    Instant later = NOW.plus(Duration.ofDays(18));
    assertThat(provider.decider().nextRefresh(provider.state())).contains(MONDAY_8);

    Refresh<ProviderState> refresh = provider.decider().refresh(PROVIDER, provider.state(), later);

    assertThat(refresh.views()).isEmpty();
    assertThat(provider.decider().nextRefresh(refresh.state()))
        .hasValueSatisfying(next -> assertThat(next).isAfter(later));
  }

  @Test
  void pageWithoutOpenSlotsIsDueWhenTheNextFreeSlotEntersItsWindow() {
    provider.accept(ProviderFixtures.profile(Category.PLUMBING));
    provider.accept(hours(mondayMorning()));
    String listingId = provider.listing(60);
    provider.book(listingId, MONDAY_8);
    provider.book(listingId, MONDAY_8.plus(Duration.ofDays(7)));

    assertThat(provider.page().openSlots()).isEmpty();
    assertThat(provider.decider().nextRefresh(provider.state()))
        .contains(THIRD_MONDAY_8.minus(ProviderPages.WINDOW));
  }

  @Test
  void refreshPrunesBookingsThatEndedMoreThan30DaysAgoAndKeepsTheirReviews() {
    String listingId = provider.open();
    String bookingId = provider.completed(listingId, MONDAY_8);
    Instant completedAt = provider.now();
    provider.accept(ProviderFixtures.review(CUSTOMER, bookingId, 5));
    Instant lastDay = completedAt.plus(Duration.ofDays(30));

    ProviderState kept = provider.decider().refresh(PROVIDER, provider.state(), lastDay).state();
    ProviderState pruned =
        provider.decider().refresh(PROVIDER, provider.state(), lastDay.plusSeconds(1)).state();

    assertThat(kept.bookings()).containsKey(bookingId);
    assertThat(pruned.bookings()).isEmpty();
    assertThat(pruned.ratings().count()).isEqualTo(1);
    assertThat(pruned.reviews())
        .extracting(review -> review.bookingId())
        .containsExactly(bookingId);
  }

  @Test
  void providerWithoutSlotsIsDueWhenItsEndedBookingsArePruned() {
    String bookingId = provider.book(provider.open(), MONDAY_8);
    provider.accept(ProviderFixtures.cancel(CUSTOMER, bookingId));

    provider.accept(hours(Map.of()));

    assertThat(provider.decider().nextRefresh(provider.state()))
        .contains(NOW.plus(Duration.ofDays(30)).plusNanos(1));
  }

  private static Map<DayOfWeek, List<Interval>> mondayMorning() {
    return Map.of(DayOfWeek.MONDAY, List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(9, 0))));
  }

  private static app.fixmo.schemas.envelopes.Command hours(Map<DayOfWeek, List<Interval>> days) {
    return ProviderFixtures.asProvider(
        ProviderCommands.SET_AVAILABILITY, new WeeklyHours("Asia/Manila", 60, days));
  }
}
