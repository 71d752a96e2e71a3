package app.fixmo.edge.requests;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.gateway.Replies;
import app.fixmo.edge.http.ApiException;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.platform.requests.RequestStatusStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /api/requests/{id}}: where a write stands. A signed-in caller's request is shown only
 * to that caller (anyone else gets 404, so ids leak nothing); an anonymous request, such as a
 * registration, is shown to whoever holds its id, which is unguessable.
 */
public final class RequestRoutes {

  private final RequestStatusStore statuses;
  private final Authenticator authenticator;

  public RequestRoutes(RequestStatusStore statuses, Authenticator authenticator) {
    this.statuses = statuses;
    this.authenticator = authenticator;
  }

  /** Registers the route. */
  public void install(RoutesConfig routes) {
    routes.get("/api/requests/{id}", this::show);
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    RequestStatus status =
        statuses.read(id).filter(found -> mayRead(ctx, found)).orElseThrow(RequestRoutes::missing);
    ctx.json(Replies.view(status));
  }

  private boolean mayRead(Context ctx, RequestStatus status) {
    if (!status.actor().startsWith("account:")) {
      return true;
    }
    Optional<Caller> caller = authenticator.find(ctx);
    return caller.isPresent() && caller.get().actor().equals(status.actor());
  }

  private static ApiException missing() {
    return ApiException.notFound("no such request");
  }
}
