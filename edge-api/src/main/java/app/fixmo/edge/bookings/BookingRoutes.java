package app.fixmo.edge.bookings;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.Bodies;
import app.fixmo.edge.providers.AccountRoles;
import app.fixmo.edge.providers.Paging;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.platform.views.ViewStore.Served;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import app.fixmo.schemas.topics.Topics;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Booking a slot, reading a booking, and an account's bookings. A booking is a command to the
 * provider's processor, which alone knows whether the slot is free; the new booking's id is the
 * request's id.
 */
public final class BookingRoutes {

  private static final String CUSTOMERS_ONLY = "only customers may book";

  private final Writes writes;
  private final Authenticator authenticator;
  private final AccountRoles roles;
  private final BookingReads reads;
  private final BookingMoves moves;

  public BookingRoutes(
      Writes writes, Authenticator authenticator, AccountRoles roles, ViewStore views) {
    this.writes = writes;
    this.authenticator = authenticator;
    this.roles = roles;
    this.reads = new BookingReads(views);
    this.moves = new BookingMoves(writes, authenticator, reads);
  }

  /**
   * One page of an account's bookings, as {@code GET /api/me/bookings} answers it.
   *
   * @param total how many bookings the filter keeps, over all pages
   */
  record BookingsPage(List<RawValue> items, int page, int pageSize, int total) {}

  /** Registers the routes, the lifecycle moves among them. */
  public void install(RoutesConfig routes) {
    routes.post("/api/bookings", this::book);
    routes.get("/api/bookings/{id}", this::show);
    routes.get("/api/me/bookings", this::mine);
    moves.install(routes);
  }

  private void book(Context ctx) {
    Caller customer = authenticator.requireForWrite(ctx);
    roles.require(customer, Role.CUSTOMER, CUSTOMERS_ONLY);

    var body = Bodies.read(ctx, BookingRequests.Book.class);
    writes.send(
        ctx,
        Topics.PROVIDER_COMMANDS,
        ProviderCommands.REQUEST_BOOKING,
        body.providerId(),
        customer.actor(),
        body.payload());
  }

  private void show(Context ctx) {
    Caller caller = authenticator.require(ctx);
    var found = reads.visibleTo(caller, ctx.pathParam("id"));
    send(ctx, found.served().json(), found.served().etag());
  }

  private void mine(Context ctx) {
    Caller caller = authenticator.require(ctx);
    MyBookingsQuery query = MyBookingsQuery.of(ctx);

    BookingReads.Listed listed = reads.of(caller.accountId());
    List<BookingEntry> kept = query.kept(listed.items());
    Paging paging = query.paging();
    List<Served> shown =
        paging.slice(kept).stream().flatMap(e -> reads.indexed(e).stream()).toList();
    List<RawValue> items = shown.stream().map(BookingRoutes::raw).toList();
    var page = new BookingsPage(items, paging.page(), paging.pageSize(), kept.size());

    // The index moves on with every booking change, but only just after the booking's own
    // document; the sum of the shown versions makes the tag change at once with either.
    long shownVersions = shown.stream().mapToLong(Served::version).sum();
    String tagged = caller.accountId() + ";" + query.filter() + ";" + shownVersions;
    send(
        ctx,
        Json.toBytes(page),
        paging.etag(ProviderViews.ACCOUNT_BOOKINGS, tagged, listed.version()));
  }

  private static RawValue raw(Served served) {
    return new RawValue(new String(served.json(), StandardCharsets.UTF_8));
  }

  private static void send(Context ctx, byte[] json, String etag) {
    ctx.contentType("application/json");
    ctx.header("ETag", etag);
    ctx.result(json);
  }
}
