package app.fixmo.schemas.envelopes;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a processor decided a command: the answer the waiting edge gives its client.
 *
 * <p>An outcome carries the view documents its decision produced. The projector applies them
 * (idempotently, by version) before it stores the outcome and wakes the edge, so a client that got
 * {@code 201} can read what it created at once. The same documents also go to the views topic,
 * which stays the source for rebuilding the cache.
 *
 * @param id unique and time-ordered
 * @param requestId the request decided; also the Kafka record key
 * @param state succeeded or rejected
 * @param status the HTTP status for the client: 200 or 201 on success, 4xx on rejection
 * @param resource what the request created or changed (for example {@code {"accountId":…}}), or
 *     null
 * @param problem why it was rejected, or null
 * @param actor who sent the request
 * @param at when the processor decided
 * @param schemaVersion the version of this envelope's schema
 * @param traceparent W3C trace context, or null
 * @param views the view documents the decision produced
 */
public record Outcome(
    UUID id,
    String requestId,
    State state,
    int status,
    JsonNode resource,
    Problem problem,
    String actor,
    Instant at,
    int schemaVersion,
    String traceparent,
    List<ViewDocument> views)
    implements Envelope {

  public static final int SCHEMA_VERSION = 1;

  public Outcome {
    Fields.required(id, "id");
    Fields.text(requestId, "requestId", 100);
    Fields.required(state, "state");
    Fields.between(status, "status", 200, 599);
    Fields.text(actor, "actor", 100);
    Fields.required(at, "at");
    Fields.between(schemaVersion, "schemaVersion", 1, SCHEMA_VERSION);
    Fields.optionalText(traceparent, "traceparent", 100);
    views = views == null ? List.of() : List.copyOf(views);
    if (state == State.REJECTED) {
      Fields.required(problem, "problem");
    }
  }

  /** Where a request stands. */
  public enum State {
    PENDING,
    SUCCEEDED,
    REJECTED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String type() {
    return "outcome." + state.wireName();
  }

  /** The outcome of a command that succeeded. */
  public static Outcome succeeded(
      Command cause, int status, Object resource, Instant at, List<ViewDocument> views) {
    return new Outcome(
        Ids.newId(),
        cause.requestId(),
        State.SUCCEEDED,
        status,
        Json.toTree(resource),
        null,
        cause.actor(),
        at,
        SCHEMA_VERSION,
        cause.traceparent(),
        views);
  }

  /** The outcome of a command that was refused. */
  public static Outcome rejected(Command cause, Problem problem, Instant at) {
    return new Outcome(
        Ids.newId(),
        cause.requestId(),
        State.REJECTED,
        problem.status(),
        null,
        problem,
        cause.actor(),
        at,
        SCHEMA_VERSION,
        cause.traceparent(),
        List.of());
  }
}
