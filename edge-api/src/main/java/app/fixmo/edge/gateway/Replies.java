package app.fixmo.edge.gateway;

import app.fixmo.edge.http.Problems;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.schemas.envelopes.Outcome.State;
import app.fixmo.schemas.json.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a request's status into the HTTP answer to the write that made it. */
public final class Replies {

  private Replies() {}

  /**
   * Answers a write: its resource on success (none with a 204), its problem on rejection, 202 while
   * pending.
   */
  public static void answer(Context ctx, RequestStatus status) {
    if (status.state() == State.PENDING) {
      ctx.status(202);
      ctx.header("Location", "/api/requests/" + status.requestId());
      ctx.json(view(status));
    } else if (status.state() == State.REJECTED) {
      Problems.write(ctx, status.problem());
    } else if (status.status() == 204) {
      ctx.status(204);
    } else {
      ctx.status(status.status());
      ctx.contentType("application/json");
      ctx.result(Json.toBytes(status.resource()));
    }
  }

  /** Returns a status as {@code /api/requests/{id}} shows it. */
  public static Map<String, Object> view(RequestStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", status.requestId());
    body.put("state", status.state());
    body.put("status", status.status());
    body.put("resource", status.resource());
    body.put("problem", status.problem());
    body.put("at", status.at());
    return body;
  }
}
