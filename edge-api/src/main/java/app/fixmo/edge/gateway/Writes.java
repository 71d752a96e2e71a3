package app.fixmo.edge.gateway;

import app.fixmo.edge.gateway.CommandGateway.CommandNotAccepted;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Prefer;
import app.fixmo.edge.http.RequestIds;
import app.fixmo.edge.http.TraceContext;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.RequestContext;
import app.fixmo.schemas.topics.Topic;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every write takes at the edge: claim the request id, send the command, wait as long as
 * the client and the server allow, and answer with the decision or with 202.
 */
public final class Writes {

  private static final Logger log = LoggerFactory.getLogger(Writes.class);

  private final CommandGateway gateway;
  private final Clock clock;
  private final Duration defaultWait;
  private final Duration maxWait;

  public Writes(CommandGateway gateway, Clock clock, Duration defaultWait, Duration maxWait) {
    this.gateway = gateway;
    this.clock = clock;
    this.defaultWait = defaultWait;
    this.maxWait = maxWait;
  }

  /** Sends a command for this request and answers the client. */
  public void send(
      Context ctx, Topic<Command> topic, String type, String key, String actor, Object payload) {
    String requestId = claimRequestId(ctx, actor);
    var request = new RequestContext(requestId, TraceContext.of(ctx));
    Command command = Command.of(type, key, actor, clock.instant(), request, payload);
    Prefer prefer = Prefer.parse(ctx.header("Prefer"));
    if (prefer.respondAsync()) {
      ctx.header("Preference-Applied", "respond-async");
    }

    RequestStatus status;
    try {
      status = gateway.submit(topic, command, prefer.boundedWait(defaultWait, maxWait));
    } catch (CommandNotAccepted e) {
      log.warn("command {} not accepted: {}", type, e.getMessage());
      throw ApiException.unavailable("the request was not accepted; it is safe to retry");
    }
    Replies.answer(ctx, status);
  }

  /**
   * Records the request as pending under its id. A client that reused an {@code X-Request-Id} gets
   * a fresh one (in the response header), so two writes never share an outcome.
   */
  private String claimRequestId(Context ctx, String actor) {
    String requestId = RequestIds.of(ctx);
    if (gateway.claim(requestId, actor)) {
      return requestId;
    }
    String fresh = Ids.newText();
    log.info("X-Request-Id {} was used before; this write is {}", requestId, fresh);
    RequestIds.use(ctx, fresh);
    if (!gateway.claim(fresh, actor)) {
      throw new IllegalStateException("a fresh request id " + fresh + " was already taken");
    }
    return fresh;
  }
}
