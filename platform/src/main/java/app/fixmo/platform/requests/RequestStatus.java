package app.fixmo.platform.requests;

import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Outcome.State;
import app.fixmo.schemas.envelopes.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Where a write request stands, as kept in Redis and served at {@code /api/requests/{id}}.
 *
 * @param requestId the request
 * @param state pending, succeeded or rejected
 * @param status the HTTP status its answer carries (202 while pending)
 * @param resource what it created or changed, or null
 * @param problem why it was rejected, or null
 * @param actor who sent it; only that caller may read it
 * @param at when this state was reached
 */
public record RequestStatus(
    String requestId,
    State state,
    int status,
    JsonNode resource,
    Problem problem,
    String actor,
    Instant at) {

  /** A request accepted but not yet decided. */
  public static RequestStatus pending(String requestId, String actor, Instant at) {
    return new RequestStatus(requestId, State.PENDING, 202, null, null, actor, at);
  }

  /** The status a processor's outcome settles. */
  public static RequestStatus of(Outcome outcome) {
    return new RequestStatus(
        outcome.requestId(),
        outcome.state(),
        outcome.status(),
        outcome.resource(),
        outcome.problem(),
        outcome.actor(),
        outcome.at());
  }
}
