package app.fixmo.edge.gateway;

import app.fixmo.edge.gateway.CommandGateway.CommandNotAccepted;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.ClientAddress;
import app.fixmo.edge.http.Prefer;
import app.fixmo.edge.http.RequestIds;
import app.fixmo.edge.http.TraceContext;
import app.fixmo.edge.idempotency.FirstRequest;
import app.fixmo.edge.idempotency.IdempotencyStore;
import app.fixmo.edge.idempotency.IdempotentWrite;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.RequestContext;
import app.fixmo.schemas.topics.Topic;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every write takes at the edge: claim the request id, send the command, wait as long as
 * the client and the server allow, and answer with the decision or with 202.
 *
 * <p>A write with an {@code Idempotency-Key} is sent at most once per key and caller within a day:
 * a repeat sends nothing and answers with the first request's outcome (waiting for it like a normal
 * write when it is still pending), marked {@code Idempotent-Replayed: true}. The caller is the
 * signed-in account, or the client address for anonymous writes such as registration.
 */
public final class Writes {

  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger log = LoggerFactory.getLogger(Writes.class);
  private static final String ANONYMOUS = "anonymous";

  private static final Problem OVERLOADED =
      Problem.of(
          503, "overloaded", "Service unavailable", "too many writes in progress; retry shortly");

  private final CommandGateway gateway;
  private final IdempotencyStore idempotency;
  private final ClientAddress clients;
  private final Clock clock;
  private final Duration defaultWait;
  private final Duration maxWait;
  private final Semaphore inFlight;

  public Writes(
      CommandGateway gateway,
      IdempotencyStore idempotency,
      ClientAddress clients,
      Clock clock,
      Duration defaultWait,
      Duration maxWait,
      int maxInFlight) {
    this.gateway = gateway;
    this.idempotency = idempotency;
    this.clients = clients;
    this.clock = clock;
    this.defaultWait = defaultWait;
    this.maxWait = maxWait;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /**
   * Sends a command for this request and answers the client; 503 with {@code Retry-After} when the
   * edge already holds {@code FIXMO_EDGE_MAX_WRITES_IN_FLIGHT} writes, so that an overload sheds
   * work instead of piling up waiting requests until the heap runs out.
   */
  public void send(
      Context ctx, Topic<Command> topic, String type, String key, String actor, Object payload) {
    if (!inFlight.tryAcquire()) {
      log.debug("at the limit of writes in flight; refusing {}", type);
      throw new ApiException(OVERLOADED, Map.of("Retry-After", "1"));
    }
    try {
      sendHeld(ctx, topic, type, key, actor, payload);
    } finally {
      inFlight.release();
    }
  }

  private void sendHeld(
      Context ctx, Topic<Command> topic, String type, String key, String actor, Object payload) {
    Optional<IdempotentWrite> idempotent = IdempotentWrite.of(ctx, scope(ctx, actor));
    Duration wait = waitFor(ctx);
    Optional<FirstRequest> first = idempotent.flatMap(idempotency::find);
    if (first.isPresent()) {
      replay(ctx, idempotent.get(), first.get(), wait);
      return;
    }

    String requestId = claimRequestId(ctx, actor);
    if (idempotent.isPresent()) {
      Optional<FirstRequest> earlier = idempotency.claim(idempotent.get(), requestId);
      if (earlier.isPresent()) {
        replayAfterLosing(ctx, requestId, actor, idempotent.get(), earlier.get(), wait);
        return;
      }
    }

    var request = new RequestContext(requestId, TraceContext.of(ctx));
    Command command = Command.of(type, key, actor, clock.instant(), request, payload);
    Replies.answer(ctx, submit(topic, command, wait, idempotent));
  }

  private RequestStatus submit(
      Topic<Command> topic, Command command, Duration wait, Optional<IdempotentWrite> idempotent) {
    try {
      return gateway.submit(topic, command, wait);
    } catch (CommandNotAccepted e) {
      log.warn("command {} not accepted: {}", command.type(), e.getMessage());
      idempotent.ifPresent(idempotency::release);
      throw ApiException.unavailable("the request was not accepted; it is safe to retry");
    }
  }

  /**
   * Answers a repeat with the first request's outcome, under the first request's id, so that the
   * answer and {@code /api/requests/{id}} tell the same story.
   */
  private void replay(Context ctx, IdempotentWrite repeat, FirstRequest first, Duration wait) {
    first.requireSameAs(repeat);
    log.info("Idempotency-Key repeated; answering with request {}", first.requestId());
    RequestIds.use(ctx, first.requestId());
    RequestStatus status =
        gateway.await(first.requestId(), wait).orElseThrow(Writes::outcomeNoLongerKept);
    ctx.header(REPLAYED_HEADER, "true");
    Replies.answer(ctx, status);
  }

  /**
   * Answers a write that claimed a request id but lost the key to a concurrent repeat: its own
   * request is settled (it will never be sent) and the answer is the winner's.
   */
  private void replayAfterLosing(
      Context ctx,
      String requestId,
      String actor,
      IdempotentWrite repeat,
      FirstRequest first,
      Duration wait) {
    try {
      first.requireSameAs(repeat);
    } catch (ApiException e) {
      gateway.settleUnsent(requestId, actor, e.problem());
      throw e;
    }
    gateway.settleUnsent(requestId, actor, duplicateOf(first));
    replay(ctx, repeat, first, wait);
  }

  private Duration waitFor(Context ctx) {
    Prefer prefer = Prefer.parse(ctx.header("Prefer"));
    if (prefer.respondAsync()) {
      ctx.header("Preference-Applied", "respond-async");
    }
    return prefer.boundedWait(defaultWait, maxWait);
  }

  private String scope(Context ctx, String actor) {
    return ANONYMOUS.equals(actor) ? "address:" + clients.of(ctx) : actor;
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

  private static Problem duplicateOf(FirstRequest first) {
    return Problem.conflict(
        "duplicate-request",
        "this request repeated the Idempotency-Key of request "
            + first.requestId()
            + ", whose outcome is the answer");
  }

  // Only when FIXMO_REQUEST_TTL_S is set below the day an idempotency key is kept.
  private static ApiException outcomeNoLongerKept() {
    return new ApiException(
        Problem.conflict(
            "idempotency-outcome-expired",
            "the request first sent with this Idempotency-Key is no longer kept; use a new key"));
  }
}
