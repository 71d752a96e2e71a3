package app.fixmo.edge.providers;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Bodies;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.topics.Topics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * A provider's own catalogue: profile, listings and weekly hours. Each write is a command keyed by
 * the provider's id, decided by the providers processor; the edge checks only who asks and the
 * body.
 */
public final class ProviderRoutes {

  private static final String PROVIDERS_ONLY =
      "only providers may change a profile, listings or hours";
  private static final int MAX_LISTING_ID = 100;

  private final Writes writes;
  private final Authenticator authenticator;
  private final AccountRoles roles;

  public ProviderRoutes(Writes writes, Authenticator authenticator, AccountRoles roles) {
    this.writes = writes;
    this.authenticator = authenticator;
    this.roles = roles;
  }

  /** Registers the routes. */
  public void install(RoutesConfig routes) {
    routes.put("/api/providers/me/profile", this::setProfile);
    routes.post("/api/providers/me/listings", this::createListing);
    routes.put("/api/providers/me/listings/{id}", this::changeListing);
    routes.delete("/api/providers/me/listings/{id}", this::withdrawListing);
    routes.put("/api/providers/me/availability", this::setAvailability);
  }

  private void setProfile(Context ctx) {
    Caller provider = provider(ctx);
    var body = Bodies.read(ctx, ProviderCommands.SetProfile.class);
    send(ctx, provider, ProviderCommands.SET_PROFILE, body);
  }

  private void createListing(Context ctx) {
    Caller provider = provider(ctx);
    var body = Bodies.read(ctx, ProviderRequests.Listing.class);
    send(ctx, provider, ProviderCommands.CREATE_LISTING, body.create());
  }

  private void changeListing(Context ctx) {
    Caller provider = provider(ctx);
    String listingId = listingId(ctx);
    var body = Bodies.read(ctx, ProviderRequests.Listing.class);
    send(ctx, provider, ProviderCommands.CHANGE_LISTING, body.change(listingId));
  }

  private void withdrawListing(Context ctx) {
    Caller provider = provider(ctx);
    var payload = new ProviderCommands.WithdrawListing(listingId(ctx));
    send(ctx, provider, ProviderCommands.WITHDRAW_LISTING, payload);
  }

  private void setAvailability(Context ctx) {
    Caller provider = provider(ctx);
    WeeklyHours body = Bodies.read(ctx, WeeklyHours.class);
    send(ctx, provider, ProviderCommands.SET_AVAILABILITY, body);
  }

  private Caller provider(Context ctx) {
    Caller caller = authenticator.requireForWrite(ctx);
    roles.require(caller, Role.PROVIDER, PROVIDERS_ONLY);
    return caller;
  }

  /** Returns the listing id of the path; a blank one, or one longer than any id, is unknown. */
  private static String listingId(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > MAX_LISTING_ID) {
      throw ApiException.notFound("no such listing");
    }
    return id;
  }

  private void send(Context ctx, Caller provider, String type, Object payload) {
    writes.send(
        ctx, Topics.PROVIDER_COMMANDS, type, provider.accountId(), provider.actor(), payload);
  }
}
