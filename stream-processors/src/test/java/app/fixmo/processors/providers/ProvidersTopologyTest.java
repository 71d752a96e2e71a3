package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.STRANGER;
import static app.fixmo.processors.providers.ProviderFixtures.book;
import static app.fixmo.processors.providers.ProviderFixtures.monday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import app.fixmo.schemas.providers.WeeklyHours;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTopologyTest {

  private static final Duration TICK = Duration.ofSeconds(10);

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(NOW);
  private ProvidersDriver driver;

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void openingAProviderWritesItsEventsInOrderKeyedByProvider() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));

    String listingId = open();

    List<TestRecord<String, Event>> events = driver.events();
    assertThat(events).extracting(TestRecord::key).containsOnly(PROVIDER);
    assertThat(events)
        .extracting(record -> record.value().type(), record -> record.value().version())
        .containsExactly(
            tuple(ProviderEvents.PROFILE_SET, 1L),
            tuple(ProviderEvents.SUMMARY_CHANGED, 2L),
            tuple(ProviderEvents.AVAILABILITY_SET, 3L),
            tuple(ProviderEvents.LISTING_CREATED, 4L),
            tuple(ProviderEvents.SUMMARY_CHANGED, 5L));
    SummaryChanged listed = events.get(4).value().payloadAs(SummaryChanged.class);
    assertThat(listed.previous().priceFrom()).isEmpty();
    assertThat(listed.current().priceFrom()).containsEntry("plumbing", 1500L);
    assertThat(driver.<ProviderState>store(ProvidersTopology.STORE).get(PROVIDER).listings())
        .containsOnlyKeys(listingId);
  }

  @Test
  void bookingWritesItsDocumentsAndOutcomeUnderTheirKeys() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    String listingId = open();
    driver.drainAll();
    Command booking = book(listingId, MONDAY_8);

    driver.send(booking);

    assertThat(driver.events())
        .extracting(record -> record.value().type())
        .containsExactly(ProviderEvents.BOOKING_CONFIRMED);
    assertThat(driver.views())
        .extracting(TestRecord::key, record -> header(record, KafkaHeaders.TYPE))
        .containsExactly(
            tuple("booking/" + booking.id(), "view.booking"),
            tuple("provider-page/" + PROVIDER, "view.provider-page"));
    assertThat(driver.outcomes())
        .extracting(TestRecord::key, record -> record.value().status())
        .containsExactly(tuple(booking.requestId(), 201));
  }

  @Test
  void twoCustomersRacingForOneSlotGetOneBooking() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    String listingId = open();
    driver.drainAll();

    driver.send(book(listingId, MONDAY_8));
    driver.send(book(STRANGER, listingId, MONDAY_8));

    assertThat(driver.outcomes())
        .extracting(record -> record.value().status())
        .containsExactly(201, 409);
    assertThat(driver.<ProviderState>store(ProvidersTopology.STORE).get(PROVIDER).bookings())
        .hasSize(1);
  }

  @Test
  void bookingDeliveredTwiceIsMadeOnce() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    String listingId = open();
    Command booking = book(listingId, MONDAY_8);
    driver.send(booking);
    driver.drainAll();

    driver.send(booking);

    assertThat(driver.outcomes())
        .extracting(record -> record.value().status())
        .containsExactly(201);
    assertThat(driver.events()).isEmpty();
    assertThat(driver.views())
        .extracting(record -> record.value().version())
        .containsExactly(1L, 6L);
  }

  @Test
  void commandForUnknownProviderIsNotFound() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));

    driver.send(ProviderFixtures.hours());

    assertThat(driver.outcomes())
        .extracting(record -> record.value().problem().type())
        .singleElement()
        .asString()
        .endsWith("/provider-not-found");
    assertThat(driver.events()).isEmpty();
  }

  @Test
  void refreshScheduleMovesItsOneEntryWhenTheHoursChange() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    open();
    List<KeyValue<String, String>> before = scheduled();

    WeeklyHours tuesdays =
        new WeeklyHours("Asia/Manila", 60, Map.of(DayOfWeek.TUESDAY, ProviderFixtures.workday()));
    driver.send(ProviderFixtures.asProvider(ProviderCommands.SET_AVAILABILITY, tuesdays));

    Instant tuesday8 = MONDAY_8.plus(Duration.ofDays(1));
    assertThat(before).containsExactly(KeyValue.pair(entry(MONDAY_8), PROVIDER));
    assertThat(scheduled()).containsExactly(KeyValue.pair(entry(tuesday8), PROVIDER));
  }

  @Test
  void punctuatorRewritesThePageWithoutTheSlotsThatStarted() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    open();
    driver.drainAll();

    clock.set(monday(9));
    driver.advanceWallClock(TICK);

    List<TestRecord<String, ViewDocument>> views = driver.views();
    assertThat(views)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.key()).isEqualTo("provider-page/" + PROVIDER);
              assertThat(header(record, KafkaHeaders.TYPE)).isEqualTo("view.provider-page");
              assertThat(header(record, KafkaHeaders.REQUEST_ID))
                  .isEqualTo("refresh:" + PROVIDER + ":6");
              assertThat(record.value().version()).isEqualTo(6);
              ProviderPage page = Json.read(record.value().body(), ProviderPage.class);
              assertThat(page.openSlots())
                  .startsWith(monday(10))
                  .doesNotContain(MONDAY_8, monday(9));
            });
    assertThat(driver.outcomes()).isEmpty();
    assertThat(driver.events()).isEmpty();
    assertThat(scheduled()).containsExactly(KeyValue.pair(entry(monday(10)), PROVIDER));
  }

  @Test
  void punctuatorWritesNothingBeforeAPageIsDue() {
    drive(ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()));
    open();
    driver.drainAll();

    clock.set(MONDAY_8.minusMillis(1));
    driver.advanceWallClock(TICK);

    assertThat(driver.views()).isEmpty();
    assertThat(scheduled()).containsExactly(KeyValue.pair(entry(MONDAY_8), PROVIDER));
  }

  @Test
  void refreshIntervalIsWhatTheTopologyWasBuiltWith() {
    Topology topology =
        ProvidersTopology.addTo(
            new Topology(),
            ProvidersDriver.NAMESPACE,
            clock,
            BookingRules.defaults(),
            Duration.ofMinutes(1));
    drive(topology);
    open();
    driver.drainAll();
    clock.set(monday(9));

    driver.advanceWallClock(TICK);
    List<TestRecord<String, ViewDocument>> early = driver.views();
    driver.advanceWallClock(Duration.ofMinutes(1));

    assertThat(early).isEmpty();
    assertThat(driver.views()).hasSize(1);
  }

  private String open() {
    driver.send(ProviderFixtures.profile(Category.PLUMBING));
    driver.send(ProviderFixtures.hours());
    Command listing = ProviderFixtures.createListing(Category.PLUMBING, 1500, 60);
    driver.send(listing);
    return listing.id().toString();
  }

  private List<KeyValue<String, String>> scheduled() {
    KeyValueStore<String, String> store = driver.store(ProvidersTopology.REFRESH_STORE);
    List<KeyValue<String, String>> entries = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(entries::add);
    }
    return entries;
  }

  private static String entry(Instant at) {
    return String.format("%019d|%s", at.toEpochMilli(), PROVIDER);
  }

  private static String header(TestRecord<String, ?> record, String name) {
    return KafkaHeaders.read(record.headers(), name);
  }

  private void drive(Topology topology) {
    driver = new ProvidersDriver(topology, stateDir);
  }
}
