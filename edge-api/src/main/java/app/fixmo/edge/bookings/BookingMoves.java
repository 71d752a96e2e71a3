package app.fixmo.edge.bookings;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Bodies;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.topics.Topics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The moves of a booking's life: cancel (either party), start, complete and no-show (its provider),
 * review (its customer). The edge checks who asks against the booking as cached; the processor
 * decides whether the move is legal now.
 */
final class BookingMoves {

  private final Writes writes;
  private final Authenticator authenticator;
  private final BookingReads reads;

  BookingMoves(Writes writes, Authenticator authenticator, BookingReads reads) {
    this.writes = writes;
    this.authenticator = authenticator;
    this.reads = reads;
  }

  /** Registers the routes. */
  void install(RoutesConfig routes) {
    routes.post("/api/bookings/{id}/cancel", this::cancel);
    routes.post(
        "/api/bookings/{id}/start",
        ctx -> byProvider(ctx, ProviderCommands.START_BOOKING, "start it"));
    routes.post(
        "/api/bookings/{id}/complete",
        ctx -> byProvider(ctx, ProviderCommands.COMPLETE_BOOKING, "complete it"));
    routes.post(
        "/api/bookings/{id}/no-show",
        ctx -> byProvider(ctx, ProviderCommands.NO_SHOW_BOOKING, "report a no-show"));
    routes.post("/api/bookings/{id}/review", this::review);
  }

  private void cancel(Context ctx) {
    Caller caller = authenticator.requireForWrite(ctx);
    Booking booking = reads.visibleTo(caller, ctx.pathParam("id")).booking();

    var body = Bodies.read(ctx, BookingRequests.Cancel.class);
    var payload = new ProviderCommands.CancelBooking(booking.bookingId(), body.reason());
    send(ctx, caller, booking, ProviderCommands.CANCEL_BOOKING, payload);
  }

  private void byProvider(Context ctx, String type, String move) {
    Caller caller = authenticator.requireForWrite(ctx);
    Booking booking = reads.visibleTo(caller, ctx.pathParam("id")).booking();
    if (!caller.accountId().equals(booking.providerId())) {
      throw ApiException.forbidden("only the booking's provider may " + move);
    }

    readNoBody(ctx);
    send(ctx, caller, booking, type, new ProviderCommands.MoveBooking(booking.bookingId()));
  }

  private void review(Context ctx) {
    Caller caller = authenticator.requireForWrite(ctx);
    Booking booking = reads.visibleTo(caller, ctx.pathParam("id")).booking();
    if (!caller.accountId().equals(booking.customerId())) {
      throw ApiException.forbidden("only the booking's customer may review it");
    }

    var body = Bodies.read(ctx, BookingRequests.Review.class);
    var payload =
        new ProviderCommands.PostReview(booking.bookingId(), body.rating(), body.comment());
    send(ctx, caller, booking, ProviderCommands.POST_REVIEW, payload);
  }

  /** Accepts no body or an empty object; anything in it is an unknown field. */
  private static void readNoBody(Context ctx) {
    if (!ctx.body().isBlank()) {
      Bodies.read(ctx, BookingRequests.NoFields.class);
    }
  }

  private void send(Context ctx, Caller caller, Booking booking, String type, Object payload) {
    writes.send(ctx, Topics.PROVIDER_COMMANDS, type, booking.providerId(), caller.actor(), payload);
  }
}
