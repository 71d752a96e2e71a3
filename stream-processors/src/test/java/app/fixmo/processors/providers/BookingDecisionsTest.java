package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.STRANGER;
import static app.fixmo.processors.providers.ProviderFixtures.actor;
import static app.fixmo.processors.providers.ProviderFixtures.book;
import static app.fixmo.processors.providers.ProviderFixtures.cancel;
import static app.fixmo.processors.providers.ProviderFixtures.monday;
import static app.fixmo.processors.providers.ProviderFixtures.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderCommands.MoveBooking;
import app.fixmo.schemas.providers.ProviderCommands.RequestBooking;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingDecisionsTest {

  private final ProviderHarness provider = new ProviderHarness();
  private String listingId;

  @BeforeEach
  void openProvider() {
    listingId = provider.open();
  }

  @Test
  void bookingOnTheGridIsConfirmedWith201AndTheBooking() {
    Command command = book(listingId, MONDAY_8);

    Decision<ProviderState> decision = provider.send(command);

    Booking expected =
        new Booking(
            command.id().toString(),
            PROVIDER,
            CUSTOMER,
            listingId,
            "Leak repair",
            MONDAY_8,
            MONDAY_8.plus(Duration.ofHours(1)),
            BookingStatus.CONFIRMED,
            "12 Mabini St",
            "Gate code 1234",
            List.of(new Step(BookingStatus.CONFIRMED, NOW, actor(CUSTOMER), null)),
            null,
            1);
    assertThat(decision.outcome().status()).isEqualTo(201);
    assertThat(Json.read(decision.outcome().resource(), Booking.class)).isEqualTo(expected);
    assertThat(decision.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(ProviderEvents.BOOKING_CONFIRMED);
              assertThat(event.payloadAs(BookingChanged.class))
                  .isEqualTo(new BookingChanged(expected, NOW));
            });
    assertThat(decision.outcome().views())
        .extracting(ViewDocument::key, ViewDocument::version)
        .containsExactly(
            tuple("booking/" + command.id(), 1L), tuple("provider-page/" + PROVIDER, 6L));
  }

  @Test
  void secondBookingOfTheSameSlotIsRejected() {
    provider.book(listingId, MONDAY_8);

    Outcome outcome = provider.send(book(STRANGER, listingId, MONDAY_8)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(409);
    assertThat(outcome.problem().type()).endsWith("/slot-taken");
  }

  @Test
  void bookingWhoseLaterSlotIsTakenIsRejected() {
    provider.book(listingId, monday(10));
    String twoHours = provider.listing(120);

    Outcome overlapping = provider.send(book(STRANGER, twoHours, monday(9))).outcome();
    Outcome before = provider.send(book(STRANGER, twoHours, monday(8))).outcome();

    assertThat(overlapping.problem().type()).endsWith("/slot-taken");
    assertThat(overlapping.problem().detail()).contains(monday(10).toString());
    assertThat(before.status()).isEqualTo(201);
  }

  @Test
  void bookingShorterThanTheSlotStillHoldsTheWholeSlot() {
    String halfHour = provider.listing(30);
    provider.book(halfHour, MONDAY_8);

    Outcome outcome = provider.send(book(STRANGER, listingId, MONDAY_8)).outcome();

    assertThat(outcome.problem().type()).endsWith("/slot-taken");
    assertThat(provider.page().openSlots()).doesNotContain(MONDAY_8);
  }

  @Test
  void bookingInThePastIsRejectedNamingStart() {
    provider.at(monday(10));

    Outcome outcome = provider.send(book(listingId, monday(9))).outcome();

    assertThat(outcome.problem().status()).isEqualTo(422);
    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("start");
    assertThat(outcome.problem().errors().get(0).message()).isEqualTo("is in the past");
  }

  @Test
  void bookingOfTheSlotStartingNowIsInThePast() {
    provider.at(MONDAY_8);

    Outcome outcome = provider.send(book(listingId, MONDAY_8)).outcome();

    assertThat(outcome.problem().errors().get(0).message()).isEqualTo("is in the past");
  }

  @Test
  void bookingMoreThan90DaysAheadIsRejected() {
    Instant farMonday = MONDAY_8.plus(Duration.ofDays(91));

    Outcome outcome = provider.send(book(listingId, farMonday)).outcome();

    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("start");
    assertThat(outcome.problem().errors().get(0).message()).startsWith("must be at most 90 days");
  }

  @Test
  void bookingOutsideTheProvidersHoursIsRejectedNamingTheZone() {
    Outcome outcome = provider.send(book(listingId, monday(18))).outcome();

    assertThat(outcome.problem().status()).isEqualTo(422);
    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("start");
    assertThat(outcome.problem().errors().get(0).message())
        .isEqualTo(
            "2026-12-07T10:00:00Z is Monday 18:00 Asia/Manila, outside the provider's hours");
  }

  @Test
  void bookingBetweenSlotsIsRejectedAsOffTheGrid() {
    Outcome outcome = provider.send(book(listingId, monday(9).plusSeconds(1800))).outcome();

    assertThat(outcome.problem().errors().get(0).message())
        .isEqualTo("2026-12-07T01:30:00Z is Monday 09:30 Asia/Manila, not on the slot grid");
  }

  @Test
  void bookingThatWouldRunPastClosingIsRejected() {
    String twoHours = provider.listing(120);

    Outcome outcome = provider.send(book(twoHours, monday(11))).outcome();

    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("start");
    assertThat(outcome.problem().errors().get(0).message())
        .contains("outside the provider's hours")
        .contains("Monday 12:00 Asia/Manila");
  }

  @Test
  void bookingOfUnknownOrWithdrawnListingIsRejectedNamingListingId() {
    provider.accept(ProviderFixtures.withdrawListing(listingId));

    Outcome withdrawn = provider.send(book(listingId, MONDAY_8)).outcome();
    Outcome unknown = provider.send(book("no-such-listing", MONDAY_8)).outcome();

    assertThat(List.of(withdrawn, unknown))
        .allSatisfy(
            outcome -> {
              assertThat(outcome.problem().status()).isEqualTo(422);
              assertThat(outcome.problem().errors().get(0).field()).isEqualTo("listingId");
            });
  }

  @Test
  void providerCannotBookItselfNorCanAnAnonymousClient() {
    Command byProvider = book(PROVIDER, listingId, MONDAY_8);
    Command anonymous =
        ProviderFixtures.command(
            ProviderCommands.REQUEST_BOOKING,
            "anonymous",
            new RequestBooking(listingId, MONDAY_8, "12 Mabini St", null));

    assertThat(provider.send(byProvider).outcome().status()).isEqualTo(403);
    assertThat(provider.send(anonymous).outcome().status()).isEqualTo(403);
  }

  @Test
  void bookingDeliveredTwiceIsAnsweredAlikeAndMadeOnce() {
    Command command = book(listingId, MONDAY_8);
    Outcome first = provider.send(command).outcome();
    ProviderState before = provider.state();

    Decision<ProviderState> again = provider.send(command);

    assertThat(again.outcome().status()).isEqualTo(201);
    assertThat(again.outcome().resource()).isEqualTo(first.resource());
    assertThat(again.outcome().views()).isEqualTo(first.views());
    assertThat(again.events()).isEmpty();
    assertThat(again.newState()).isEmpty();
    assertThat(provider.state()).isEqualTo(before);
  }

  @Test
  void pageLosesABookedSlotAndRegainsItWhenTheBookingIsCancelled() {
    String bookingId = provider.book(listingId, MONDAY_8);
    List<Instant> whileBooked = provider.page().openSlots();

    provider.accept(cancel(CUSTOMER, bookingId));

    assertThat(whileBooked).doesNotContain(MONDAY_8).contains(monday(9));
    assertThat(provider.page().openSlots()).startsWith(MONDAY_8, monday(9));
  }

  @Test
  void cancelledBookingFreesItsSlotForAnotherBooking() {
    provider.accept(cancel(PROVIDER, provider.book(listingId, MONDAY_8)));

    Outcome outcome = provider.send(book(STRANGER, listingId, MONDAY_8)).outcome();

    assertThat(outcome.status()).isEqualTo(201);
  }

  @Test
  void noShowFreesItsSlotForAnotherBooking() {
    String twoHours = provider.listing(120);
    String bookingId = provider.book(twoHours, MONDAY_8);
    provider.at(MONDAY_8);
    provider.accept(move(ProviderCommands.NO_SHOW_BOOKING, bookingId));

    Outcome outcome = provider.send(book(STRANGER, listingId, monday(9))).outcome();

    assertThat(outcome.status()).isEqualTo(201);
  }

  @Test
  void newHoursKeepTheSlotsOfBookingsMadeBefore() {
    provider.book(listingId, MONDAY_8);

    provider.accept(
        ProviderFixtures.asProvider(
            ProviderCommands.SET_AVAILABILITY, ProviderFixtures.manilaWeekdays(30)));

    assertThat(provider.page().openSlots())
        .doesNotContain(MONDAY_8, MONDAY_8.plusSeconds(1800))
        .contains(monday(9));
    Outcome outcome =
        provider.send(book(STRANGER, listingId, MONDAY_8.plusSeconds(1800))).outcome();
    assertThat(outcome.problem().type()).endsWith("/slot-taken");
  }

  @ParameterizedTest(name = "{1} of a {0} booking answers {2}")
  @CsvSource({
    "confirmed, booking.start,    200, started",
    "confirmed, booking.complete, 409, ",
    "confirmed, booking.no-show,  200, no_show",
    "confirmed, booking.cancel,   200, cancelled",
    "started,   booking.start,    409, ",
    "started,   booking.complete, 200, completed",
    "started,   booking.no-show,  409, ",
    "started,   booking.cancel,   409, ",
    "completed, booking.start,    409, ",
    "completed, booking.complete, 409, ",
    "completed, booking.no-show,  409, ",
    "completed, booking.cancel,   409, ",
    "cancelled, booking.start,    409, ",
    "cancelled, booking.complete, 409, ",
    "cancelled, booking.no-show,  409, ",
    "cancelled, booking.cancel,   409, ",
    "no_show,   booking.start,    409, ",
    "no_show,   booking.complete, 409, ",
    "no_show,   booking.no-show,  409, ",
    "no_show,   booking.cancel,   409, ",
  })
  void providerMovesFollowTheBookingLifecycle(String from, String moveType, int status, String to) {
    String bookingId = bookingIn(BookingStatus.fromWire(from));
    provider.at(MONDAY_8.plus(Duration.ofHours(2)));

    Decision<ProviderState> decision = provider.send(providerMove(moveType, bookingId));

    assertThat(decision.outcome().status()).isEqualTo(status);
    if (to == null) {
      assertThat(decision.outcome().problem().type()).endsWith("/illegal-move");
      assertThat(decision.outcome().problem().detail())
          .isEqualTo("a booking cannot move from " + from + " to " + target(moveType));
      assertThat(provider.booking(bookingId).status().wireName()).isEqualTo(from);
    } else {
      Booking moved = Json.read(decision.outcome().resource(), Booking.class);
      assertThat(moved.status().wireName()).isEqualTo(to);
      assertThat(moved.history().get(moved.history().size() - 1))
          .isEqualTo(
              new Step(moved.status(), provider.now(), actor(PROVIDER), cancelReason(moveType)));
      assertThat(decision.events())
          .extracting(Event::type)
          .containsExactly("booking." + eventOf(to));
    }
  }

  @Test
  void movesCountTheBookingsOwnVersion() {
    String bookingId = provider.book(listingId, MONDAY_8);

    provider.accept(move(ProviderCommands.START_BOOKING, bookingId));
    Outcome completed = provider.accept(move(ProviderCommands.COMPLETE_BOOKING, bookingId));

    assertThat(completed.views())
        .filteredOn(view -> view.key().equals("booking/" + bookingId))
        .extracting(ViewDocument::version)
        .containsExactly(3L);
  }

  @Test
  void providerMayStartABookingBeforeItsTime() {
    String bookingId = provider.book(listingId, MONDAY_8);

    Outcome outcome = provider.send(move(ProviderCommands.START_BOOKING, bookingId)).outcome();

    assertThat(outcome.status()).isEqualTo(200);
  }

  @Test
  void noShowBeforeTheStartIsTooEarly() {
    String bookingId = provider.book(listingId, MONDAY_8);
    provider.at(MONDAY_8.minusSeconds(1));

    Outcome outcome = provider.send(move(ProviderCommands.NO_SHOW_BOOKING, bookingId)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(409);
    assertThat(outcome.problem().type()).endsWith("/too-early");
  }

  @Test
  void movesByTheCustomerAreForbidden() {
    String bookingId = provider.book(listingId, MONDAY_8);
    Command start =
        ProviderFixtures.command(
            ProviderCommands.START_BOOKING, actor(CUSTOMER), new MoveBooking(bookingId));

    assertThat(provider.send(start).outcome().status()).isEqualTo(403);
  }

  @Test
  void moveOfUnknownBookingIsNotFound() {
    Outcome outcome = provider.send(move(ProviderCommands.START_BOOKING, "no-such")).outcome();

    assertThat(outcome.problem().status()).isEqualTo(404);
    assertThat(outcome.problem().type()).endsWith("/booking-not-found");
  }

  @Test
  void customerMayCancelUntilTheCutoffAndKeepsTheReason() {
    String bookingId = provider.book(listingId, MONDAY_8);
    provider.at(MONDAY_8.minus(Duration.ofMinutes(120)));

    Outcome outcome = provider.accept(cancel(CUSTOMER, bookingId));

    Booking cancelled = Json.read(outcome.resource(), Booking.class);
    assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(cancelled.history().get(1))
        .isEqualTo(new Step(BookingStatus.CANCELLED, provider.now(), actor(CUSTOMER), "Sick"));
  }

  @Test
  void customerCancellingAfterTheCutoffIsTooLate() {
    String bookingId = provider.book(listingId, MONDAY_8);
    provider.at(MONDAY_8.minus(Duration.ofMinutes(120)).plusSeconds(1));

    Outcome outcome = provider.send(cancel(CUSTOMER, bookingId)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(409);
    assertThat(outcome.problem().type()).endsWith("/too-late-to-cancel");
  }

  @Test
  void cutoffComesFromTheBookingRules() {
    ProviderHarness lenient = new ProviderHarness(new BookingRules(Duration.ofMinutes(10)));
    String bookingId = lenient.book(lenient.open(), MONDAY_8);
    lenient.at(MONDAY_8.minus(Duration.ofMinutes(11)));

    assertThat(lenient.send(cancel(CUSTOMER, bookingId)).outcome().status()).isEqualTo(200);
  }

  @Test
  void providerMayCancelAConfirmedBookingAfterTheCutoff() {
    String bookingId = provider.book(listingId, MONDAY_8);
    provider.at(MONDAY_8.plusSeconds(60));

    assertThat(provider.send(cancel(PROVIDER, bookingId)).outcome().status()).isEqualTo(200);
  }

  @Test
  void cancelByAnyoneElseIsForbidden() {
    String bookingId = provider.book(listingId, MONDAY_8);

    assertThat(provider.send(cancel(STRANGER, bookingId)).outcome().status()).isEqualTo(403);
  }

  private String bookingIn(BookingStatus status) {
    String bookingId = provider.book(listingId, MONDAY_8);
    provider.at(MONDAY_8);
    switch (status) {
      case CONFIRMED -> {}
      case STARTED -> provider.accept(move(ProviderCommands.START_BOOKING, bookingId));
      case COMPLETED -> {
        provider.accept(move(ProviderCommands.START_BOOKING, bookingId));
        provider.accept(move(ProviderCommands.COMPLETE_BOOKING, bookingId));
      }
      case CANCELLED -> provider.accept(cancel(PROVIDER, bookingId));
      case NO_SHOW -> provider.accept(move(ProviderCommands.NO_SHOW_BOOKING, bookingId));
    }
    return bookingId;
  }

  private static Command providerMove(String type, String bookingId) {
    return type.equals(ProviderCommands.CANCEL_BOOKING)
        ? cancel(PROVIDER, bookingId)
        : move(type, bookingId);
  }

  private static String target(String moveType) {
    return switch (moveType) {
      case ProviderCommands.START_BOOKING -> "started";
      case ProviderCommands.COMPLETE_BOOKING -> "completed";
      case ProviderCommands.NO_SHOW_BOOKING -> "no_show";
      default -> "cancelled";
    };
  }

  private static String cancelReason(String moveType) {
    return moveType.equals(ProviderCommands.CANCEL_BOOKING) ? "Sick" : null;
  }

  private static String eventOf(String status) {
    return status.equals("no_show") ? "no-show" : status;
  }
}
