package app.fixmo.processors.bookinglists;

import static app.fixmo.processors.directory.ProviderEventsFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.processors.directory.ProviderEventsDriver;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.AccountBookings;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingListsTopologyTest {

  private static final Instant MADE = Instant.parse("2026-12-04T09:00:00Z");

  @TempDir Path stateDir;

  private ProviderEventsDriver driver;

  @BeforeEach
  void startDriver() {
    driver = new ProviderEventsDriver(stateDir);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void bookingAppearsInTheListsOfItsCustomerAndItsProvider() {
    Event confirmed = changed(booking("b1", MADE, BookingStatus.CONFIRMED));

    driver.send(confirmed);

    List<TestRecord<String, ViewDocument>> views = driver.views();
    assertThat(views)
        .extracting(TestRecord::key, record -> record.value().requestId())
        .containsExactly(
            tuple("account-bookings/cus", confirmed.requestId()),
            tuple("account-bookings/pro", confirmed.requestId()));
    assertThat(views)
        .extracting(record -> KafkaHeaders.read(record.headers(), KafkaHeaders.TYPE))
        .containsOnly("view.account-bookings");
    assertThat(views)
        .extracting(record -> bookings(record.value()))
        .extracting(AccountBookings::accountId, list -> ids(list))
        .containsExactly(tuple("cus", List.of("b1")), tuple("pro", List.of("b1")));
  }

  @Test
  void laterChangeReplacesTheBookingInBothLists() {
    driver.send(changed(booking("b1", MADE, BookingStatus.CONFIRMED)));
    driver.views();

    driver.send(changed(booking("b1", MADE, BookingStatus.CONFIRMED, BookingStatus.STARTED)));

    assertThat(driver.views(ProviderViews.ACCOUNT_BOOKINGS))
        .allSatisfy(
            view -> {
              assertThat(view.version()).isEqualTo(2);
              assertThat(bookings(view).items())
                  .singleElement()
                  .satisfies(
                      held -> {
                        assertThat(held.status()).isEqualTo(BookingStatus.STARTED);
                        assertThat(held.version()).isEqualTo(2);
                      });
            })
        .hasSize(2);
  }

  @Test
  void olderVersionRedeliveredChangesNothing() {
    Event confirmed = changed(booking("b1", MADE, BookingStatus.CONFIRMED));
    driver.send(confirmed);
    driver.send(changed(booking("b1", MADE, BookingStatus.CONFIRMED, BookingStatus.STARTED)));
    driver.views();

    driver.send(confirmed);

    assertThat(driver.views()).isEmpty();
    AccountBookingsState held =
        driver.<AccountBookingsState>store(BookingListsTopology.STORE).get("cus");
    assertThat(held.version()).isEqualTo(2);
    assertThat(held.bookings().get("b1").status()).isEqualTo(BookingStatus.STARTED);
  }

  @Test
  void sameVersionRedeliveredChangesNothing() {
    Event confirmed = changed(booking("b1", MADE, BookingStatus.CONFIRMED));
    driver.send(confirmed);
    driver.views();

    driver.send(confirmed);

    assertThat(driver.views()).isEmpty();
  }

  @Test
  void listShowsNewestBookingsFirstAndBookingsMadeTogetherByIdDescending() {
    driver.send(changed(booking("b1", MADE, BookingStatus.CONFIRMED)));
    driver.send(changed(booking("b3", MADE.minus(Duration.ofDays(1)), BookingStatus.CONFIRMED)));
    driver.send(changed(booking("b2", MADE, BookingStatus.CONFIRMED)));
    driver.send(changed(booking("b0", MADE.plusSeconds(1), BookingStatus.CONFIRMED)));

    List<ViewDocument> views = driver.views(ProviderViews.ACCOUNT_BOOKINGS);

    assertThat(ids(bookings(views.get(views.size() - 1)))).containsExactly("b0", "b2", "b1", "b3");
  }

  @Test
  void bookingOfOnesOwnIsListedOnce() {
    Booking own = booking("b1", MADE, BookingStatus.CONFIRMED);
    Booking selfBooked =
        new Booking(
            own.bookingId(),
            "pro",
            "pro",
            own.listingId(),
            own.listingTitle(),
            own.start(),
            own.end(),
            own.status(),
            own.address(),
            own.notes(),
            own.history(),
            own.review(),
            own.version());

    driver.send(changed(selfBooked));

    assertThat(driver.views(ProviderViews.ACCOUNT_BOOKINGS))
        .singleElement()
        .satisfies(view -> assertThat(ids(bookings(view))).containsExactly("b1"));
  }

  @Test
  void unreadablePayloadIsSkippedAndTheNextBookingIsStillListed() {
    var wrongShape = Json.mapper().createObjectNode().put("booking", "b1");
    var noHistory = Json.toTree(new BookingChanged(booking("b2", MADE), MADE));

    driver.send(event(ProviderEvents.BOOKING_CONFIRMED, "pro", wrongShape));
    driver.send(event(ProviderEvents.BOOKING_CONFIRMED, "pro", noHistory));
    driver.send(changed(booking("b3", MADE, BookingStatus.CONFIRMED)));

    assertThat(driver.views(ProviderViews.ACCOUNT_BOOKINGS))
        .extracting(view -> ids(bookings(view)))
        .containsExactly(List.of("b3"), List.of("b3"));
  }

  @Test
  void eventOfAnotherTypeWritesNothing() {
    var payload =
        Json.toTree(new BookingChanged(booking("b1", MADE, BookingStatus.CONFIRMED), MADE));

    driver.send(event(ProviderEvents.SUMMARY_CHANGED + "-not", "pro", payload));

    assertThat(driver.views()).isEmpty();
  }

  /** Returns the booking of customer cus with provider pro, through the given statuses. */
  private static Booking booking(String bookingId, Instant made, BookingStatus... statuses) {
    List<Step> history = new ArrayList<>();
    for (BookingStatus status : statuses) {
      history.add(
          new Step(status, made.plus(Duration.ofHours(history.size())), "account:pro", null));
    }
    BookingStatus status =
        statuses.length == 0 ? BookingStatus.CONFIRMED : statuses[statuses.length - 1];
    Instant start = made.plus(Duration.ofDays(2));
    return new Booking(
        bookingId,
        "pro",
        "cus",
        "listing-1",
        "Leak repair",
        start,
        start.plus(Duration.ofHours(1)),
        status,
        "12 Mabini St",
        null,
        history,
        null,
        Math.max(1, statuses.length));
  }

  private static Event changed(Booking booking) {
    String type =
        booking.status() == BookingStatus.STARTED
            ? ProviderEvents.BOOKING_STARTED
            : ProviderEvents.BOOKING_CONFIRMED;
    return event(type, booking.providerId(), Json.toTree(new BookingChanged(booking, MADE)));
  }

  private static AccountBookings bookings(ViewDocument view) {
    return Json.read(view.body(), AccountBookings.class);
  }

  private static List<String> ids(AccountBookings bookings) {
    return bookings.items().stream().map(BookingEntry::bookingId).toList();
  }
}
