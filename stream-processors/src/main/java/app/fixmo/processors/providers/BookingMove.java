package app.fixmo.processors.providers;

import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;

/** The moves in a booking's life after it is confirmed: from which status, to which, and how. */
enum BookingMove {
  START(
      ProviderCommands.START_BOOKING,
      BookingStatus.CONFIRMED,
      BookingStatus.STARTED,
      ProviderEvents.BOOKING_STARTED),
  COMPLETE(
      ProviderCommands.COMPLETE_BOOKING,
      BookingStatus.STARTED,
      BookingStatus.COMPLETED,
      ProviderEvents.BOOKING_COMPLETED),
  NO_SHOW(
      ProviderCommands.NO_SHOW_BOOKING,
      BookingStatus.CONFIRMED,
      BookingStatus.NO_SHOW,
      ProviderEvents.BOOKING_NO_SHOW),
  CANCEL(
      ProviderCommands.CANCEL_BOOKING,
      BookingStatus.CONFIRMED,
      BookingStatus.CANCELLED,
      ProviderEvents.BOOKING_CANCELLED);

  private final String commandType;
  private final BookingStatus from;
  private final BookingStatus to;
  private final String eventType;

  BookingMove(String commandType, BookingStatus from, BookingStatus to, String eventType) {
    this.commandType = commandType;
    this.from = from;
    this.to = to;
    this.eventType = eventType;
  }

  /** Returns the move a command type asks for. */
  static BookingMove of(String commandType) {
    for (BookingMove move : values()) {
      if (move.commandType.equals(commandType)) {
        return move;
      }
    }
    throw new IllegalArgumentException("no booking move is asked by " + commandType);
  }

  /** Returns the status the move leads to. */
  BookingStatus to() {
    return to;
  }

  /** Returns the type of the event that records the move. */
  String eventType() {
    return eventType;
  }

  /** Refuses the move for a booking in any status other than the one it starts from. */
  void requireFrom(BookingStatus status) {
    if (status != from) {
      throw Refusal.conflict(
          "illegal-move",
          "a booking cannot move from " + status.wireName() + " to " + to.wireName());
    }
  }
}
