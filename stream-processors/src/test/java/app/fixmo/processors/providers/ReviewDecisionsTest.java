package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.STRANGER;
import static app.fixmo.processors.providers.ProviderFixtures.monday;
import static app.fixmo.processors.providers.ProviderFixtures.move;
import static app.fixmo.processors.providers.ProviderFixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import app.fixmo.schemas.providers.ProviderViews.Rating;
import app.fixmo.schemas.providers.ProviderViews.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewDecisionsTest {

  private static final Instant COMPLETED_AT = monday(9);

  private final ProviderHarness provider = new ProviderHarness();
  private String listingId;

  @BeforeEach
  void openProvider() {
    listingId = provider.open();
  }

  @Test
  void reviewOfACompletedBookingIsRecordedWith201() {
    String bookingId = provider.completed(listingId, MONDAY_8);
    Instant at = COMPLETED_AT.plus(Duration.ofHours(1));
    provider.at(at);

    Decision<ProviderState> decision = provider.send(review(CUSTOMER, bookingId, 4));

    Review expected = new Review(bookingId, 4, "Rated 4", at);
    assertThat(decision.outcome().status()).isEqualTo(201);
    assertThat(Json.read(decision.outcome().resource(), Review.class)).isEqualTo(expected);
    assertThat(decision.events())
        .extracting(Event::type)
        .containsExactly(ProviderEvents.BOOKING_REVIEWED, ProviderEvents.SUMMARY_CHANGED);
    BookingChanged reviewed = decision.events().get(0).payloadAs(BookingChanged.class);
    assertThat(reviewed.booking().review()).isEqualTo(expected);
    assertThat(reviewed.booking().version()).isEqualTo(4);
    SummaryChanged summary = decision.events().get(1).payloadAs(SummaryChanged.class);
    assertThat(summary.previous().rating()).isEqualTo(new CardRating(0, 0));
    assertThat(summary.current().rating()).isEqualTo(new CardRating(4, 1));
  }

  @Test
  void reviewBeforeCompletionIsRejected() {
    String bookingId = provider.book(listingId, MONDAY_8);

    Outcome confirmed = provider.send(review(CUSTOMER, bookingId, 5)).outcome();
    provider.accept(move(ProviderCommands.START_BOOKING, bookingId));
    Outcome started = provider.send(review(CUSTOMER, bookingId, 5)).outcome();

    assertThat(List.of(confirmed, started))
        .allSatisfy(
            outcome -> {
              assertThat(outcome.problem().status()).isEqualTo(409);
              assertThat(outcome.problem().type()).endsWith("/not-completed");
            });
  }

  @Test
  void secondReviewOfABookingIsRejected() {
    String bookingId = provider.completed(listingId, MONDAY_8);
    provider.accept(review(CUSTOMER, bookingId, 5));

    Outcome outcome = provider.send(review(CUSTOMER, bookingId, 1)).outcome();

    assertThat(outcome.problem().type()).endsWith("/already-reviewed");
    assertThat(provider.state().ratings().count()).isEqualTo(1);
  }

  @Test
  void reviewByAnyoneButTheCustomerIsForbidden() {
    String bookingId = provider.completed(listingId, MONDAY_8);

    Outcome byStranger = provider.send(review(STRANGER, bookingId, 5)).outcome();
    Outcome byProvider = provider.send(review(PROVIDER, bookingId, 5)).outcome();

    assertThat(byStranger.problem().status()).isEqualTo(403);
    assertThat(byProvider.problem().status()).isEqualTo(403);
  }

  @Test
  void reviewIsOpenForThirtyDaysAfterCompletion() {
    String lastDay = provider.completed(listingId, MONDAY_8);
    String tooLate = provider.completed(listingId, monday(10));

    provider.at(COMPLETED_AT.plus(Duration.ofDays(30)));
    Outcome inTime = provider.send(review(CUSTOMER, lastDay, 5)).outcome();
    provider.at(monday(11).plus(Duration.ofDays(30)).plusSeconds(1));
    Outcome closed = provider.send(review(CUSTOMER, tooLate, 5)).outcome();

    assertThat(inTime.status()).isEqualTo(201);
    assertThat(closed.problem().type()).endsWith("/review-window-closed");
  }

  @Test
  void ratingAveragesToTwoDecimalsWithEveryRatingInTheHistogram() {
    rate(5, 4, 4);

    Rating rating = provider.page().rating();

    assertThat(rating.average()).isEqualTo(4.33);
    assertThat(rating.count()).isEqualTo(3);
    assertThat(rating.histogram())
        .isEqualTo(new TreeMap<>(Map.of("1", 0, "2", 0, "3", 0, "4", 2, "5", 1)));
  }

  @Test
  void ratingAverageRoundsHalfUp() {
    rate(5, 5, 4);

    assertThat(provider.page().rating().average()).isEqualTo(4.67);
  }

  @Test
  void pageShowsTheTenLatestReviewsNewestFirst() {
    rate(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 5);

    List<Review> reviews = provider.page().reviews();

    assertThat(reviews).hasSize(10);
    assertThat(reviews).extracting(Review::rating).containsExactly(5, 5, 4, 3, 2, 1, 5, 4, 3, 2);
    assertThat(reviews).extracting(Review::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(provider.page().rating().count()).isEqualTo(11);
    assertThat(provider.page().rating().average()).isEqualTo(3.18);
  }

  /** Books, completes and reviews one booking per rating, in the order given. */
  private void rate(int... ratings) {
    List<Instant> starts = new ArrayList<>();
    for (Instant slot :
        new SlotGrid(ProviderFixtures.manilaWeekdays(60))
            .starts(MONDAY_8, MONDAY_8.plus(Duration.ofDays(3)))) {
      if (starts.size() < ratings.length) {
        starts.add(slot);
      }
    }
    List<String> bookingIds = new ArrayList<>();
    starts.forEach(start -> bookingIds.add(provider.book(listingId, start)));
    for (int i = 0; i < ratings.length; i++) {
      Instant start = starts.get(i);
      provider.at(start);
      provider.accept(move(ProviderCommands.START_BOOKING, bookingIds.get(i)));
      provider.accept(move(ProviderCommands.COMPLETE_BOOKING, bookingIds.get(i)));
    }
    Instant reviewed = provider.now();
    for (int i = 0; i < ratings.length; i++) {
      provider.at(reviewed.plusSeconds(60L * (i + 1)));
      provider.accept(review(ProviderFixtures.CUSTOMER, bookingIds.get(i), ratings[i]));
    }
  }
}
