package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.providers.ProviderCommands.PostReview;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Review;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The rules of reviews: a booking's customer reviews it once, within 30 days of completion. */
final class Reviews {

  /** How long after completion a booking may be reviewed. */
  static final Duration WINDOW = Duration.ofDays(30);

  private static final int CREATED = 201;

  private Reviews() {}

  /** Records the review on its booking and counts it in the provider's rating. */
  static Decision<ProviderState> post(Command command, ProviderState state, Instant now) {
    PostReview post = Refusal.payload(command, PostReview.class);
    Booking booking = Bookings.requireBooking(state, post.bookingId());
    if (!command.actor().equals(Actors.account(booking.customerId()))) {
      throw Refusal.forbidden("only the booking's customer may review it");
    }

    if (booking.status() != BookingStatus.COMPLETED) {
      throw Refusal.conflict(
          "not-completed", "only a completed booking can be reviewed; it is " + wire(booking));
    }
    if (booking.review() != null) {
      throw Refusal.conflict("already-reviewed", "the booking was reviewed already");
    }
    Instant closes = completedAt(booking).plus(WINDOW);
    if (now.isAfter(closes)) {
      throw Refusal.conflict(
          "review-window-closed",
          "reviews were open until " + closes + ", 30 days after completion");
    }

    Review review = new Review(booking.bookingId(), post.rating(), post.comment(), now);
    Booking reviewed = reviewed(booking, review);
    var fact = new Change.Fact(ProviderEvents.BOOKING_REVIEWED, new BookingChanged(reviewed, now));
    ProviderState changed = state.withBooking(reviewed).withReview(review);
    return new Change(changed, List.of(fact), List.of(reviewed), CREATED, review)
        .decide(command, state, now);
  }

  private static Instant completedAt(Booking booking) {
    return booking.history().stream()
        .filter(step -> step.status() == BookingStatus.COMPLETED)
        .map(Step::at)
        .findFirst()
        .orElseThrow();
  }

  private static String wire(Booking booking) {
    return booking.status().wireName();
  }

  private static Booking reviewed(Booking booking, Review review) {
    return new Booking(
        booking.bookingId(),
        booking.providerId(),
        booking.customerId(),
        booking.listingId(),
        booking.listingTitle(),
        booking.start(),
        booking.end(),
        booking.status(),
        booking.address(),
        booking.notes(),
        booking.history(),
        review,
        booking.version() + 1);
  }
}
