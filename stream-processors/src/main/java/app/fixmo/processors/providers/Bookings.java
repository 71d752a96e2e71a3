package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.processors.providers.ProviderState.ListingState;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.providers.ProviderCommands.CancelBooking;
import app.fixmo.schemas.providers.ProviderCommands.MoveBooking;
import app.fixmo.schemas.providers.ProviderCommands.RequestBooking;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of bookings: a customer books free slots on the provider's grid, the provider moves the
 * booking through its life, either party may cancel it.
 *
 * <p>A booking holds every grid slot it covers while its status {@link BookingStatus#holdsSlot()
 * holds slots}; a slot is free when no such booking overlaps it. Overlap rather than the grid
 * itself decides, so bookings made before the hours changed keep their slots on any new grid.
 */
final class Bookings {

  /** How far ahead a slot may be booked. */
  static final Duration HORIZON = Duration.ofDays(90);

  private static final int OK = 200;
  private static final int CREATED = 201;

  private final BookingRules rules;

  Bookings(BookingRules rules) {
    this.rules = rules;
  }

  /** Books a slot for the customer that sent the command, under the command's id. */
  Decision<ProviderState> request(Command command, ProviderState state, Instant now) {
    String customerId = requireCustomer(command);
    RequestBooking request = Refusal.payload(command, RequestBooking.class);

    // The booking's id is the id of the command that made it: seeing it again is a
    // redelivery, which gets its first answer.
    Booking made = state.bookings().get(command.id().toString());
    if (made != null) {
      return Change.again(command, state, CREATED, made, List.of(made), now);
    }

    ListingState listing = requireBookable(state, request.listingId());
    Booking booking = confirmed(command, customerId, listing, request, now);
    requireAhead(booking.start(), now);
    SlotGrid grid = new SlotGrid(state.hours());
    requireWithinHours(grid, booking.start(), booking.end());
    requireFree(state, grid, booking.start(), booking.end());

    return Change.ofBooking(
            state.withBooking(booking), ProviderEvents.BOOKING_CONFIRMED, booking, CREATED, now)
        .decide(command, state, now);
  }

  /** Starts, completes or reports a no-show; the provider's moves. */
  Decision<ProviderState> move(Command command, ProviderState state, Instant now) {
    BookingMove move = BookingMove.of(command.type());
    Actors.requireProvider(command);
    MoveBooking asked = Refusal.payload(command, MoveBooking.class);
    Booking booking = requireBooking(state, asked.bookingId());

    move.requireFrom(booking.status());
    if (move == BookingMove.NO_SHOW && now.isBefore(booking.start())) {
      throw Refusal.conflict(
          "too-early", "a no-show can be reported from the start, " + booking.start() + ", on");
    }
    return moved(command, state, booking, move, null, now);
  }

  /** Cancels a confirmed booking, for its customer (until the cutoff) or its provider. */
  Decision<ProviderState> cancel(Command command, ProviderState state, Instant now) {
    CancelBooking cancel = Refusal.payload(command, CancelBooking.class);
    Booking booking = requireBooking(state, cancel.bookingId());
    boolean byProvider = Actors.isProvider(command);
    if (!byProvider && !command.actor().equals(Actors.account(booking.customerId()))) {
      throw Refusal.forbidden("only the booking's customer or its provider may cancel it");
    }

    BookingMove.CANCEL.requireFrom(booking.status());
    Instant cutoff = booking.start().minus(rules.customerCancelCutoff());
    if (!byProvider && now.isAfter(cutoff)) {
      throw Refusal.conflict(
          "too-late-to-cancel",
          "a customer may cancel until "
              + rules.customerCancelCutoff().toMinutes()
              + " minutes before the start, "
              + cutoff
              + "; ask the provider to cancel");
    }
    return moved(command, state, booking, BookingMove.CANCEL, cancel.reason(), now);
  }

  /** Returns a booking by id, or refuses the command with a 404. */
  static Booking requireBooking(ProviderState state, String bookingId) {
    Booking booking = state.bookings().get(bookingId);
    if (booking == null) {
      throw Refusal.notFound("booking-not-found", "the provider has no booking " + bookingId);
    }
    return booking;
  }

  private static Decision<ProviderState> moved(
      Command command,
      ProviderState state,
      Booking booking,
      BookingMove move,
      String reason,
      Instant now) {
    List<Step> history = new ArrayList<>(booking.history());
    history.add(new Step(move.to(), now, command.actor(), reason));
    Booking changed =
        new Booking(
            booking.bookingId(),
            booking.providerId(),
            booking.customerId(),
            booking.listingId(),
            booking.listingTitle(),
            booking.start(),
            booking.end(),
            move.to(),
            booking.address(),
            booking.notes(),
            history,
            booking.review(),
            booking.version() + 1);
    return Change.ofBooking(state.withBooking(changed), move.eventType(), changed, OK, now)
        .decide(command, state, now);
  }

  private static Booking confirmed(
      Command command,
      String customerId,
      ListingState listing,
      RequestBooking request,
      Instant now) {
    Step confirmed = new Step(BookingStatus.CONFIRMED, now, command.actor(), null);
    return new Booking(
        command.id().toString(),
        command.key(),
        customerId,
        listing.listingId(),
        listing.title(),
        request.start(),
        request.start().plus(Duration.ofMinutes(listing.durationMinutes())),
        BookingStatus.CONFIRMED,
        request.address(),
        request.notes(),
        List.of(confirmed),
        null,
        1);
  }

  private static String requireCustomer(Command command) {
    if (Actors.isProvider(command)) {
      throw Refusal.forbidden("a provider cannot book itself");
    }
    return Actors.accountId(command.actor())
        .orElseThrow(() -> Refusal.forbidden("only a signed-in customer may book"));
  }

  private static ListingState requireBookable(ProviderState state, String listingId) {
    if (state.profile() == null) {
      throw Refusal.invalid("listingId", "the provider has no profile yet");
    }
    if (state.hours() == null) {
      throw Refusal.invalid("listingId", "the provider has not set its hours yet");
    }
    return state
        .activeListing(listingId)
        .orElseThrow(
            () -> Refusal.invalid("listingId", "is not an active listing of the provider"));
  }

  private static void requireAhead(Instant start, Instant now) {
    if (!start.isAfter(now)) {
      throw Refusal.invalid("start", "is in the past");
    }
    if (start.isAfter(now.plus(HORIZON))) {
      throw Refusal.invalid(
          "start", "must be at most " + HORIZON.toDays() + " days ahead, by " + now.plus(HORIZON));
    }
  }

  private static void requireWithinHours(SlotGrid grid, Instant start, Instant end) {
    String when = start + " is " + grid.describe(start) + ", ";
    if (!grid.isOnGrid(start)) {
      throw Refusal.invalid(
          "start",
          grid.isWithinHours(start)
              ? when + "not on the slot grid"
              : when + "outside the provider's hours");
    }
    Instant closes = grid.openingEnd(start).orElseThrow();
    if (end.isAfter(closes)) {
      throw Refusal.invalid(
          "start",
          when
              + "outside the provider's hours: the booking would end after they close, at "
              + grid.describe(closes));
    }
  }

  private static void requireFree(ProviderState state, SlotGrid grid, Instant start, Instant end) {
    HeldSlots held = state.heldSlots();
    for (Instant slot : grid.covered(start, end)) {
      if (!held.isFree(slot, slot.plus(grid.slotLength()))) {
        throw Refusal.conflict("slot-taken", "the slot at " + slot + " is already booked");
      }
    }
  }
}
