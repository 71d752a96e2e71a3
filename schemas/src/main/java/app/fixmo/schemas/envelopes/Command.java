package app.fixmo.schemas.envelopes;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to change state, sent by the edge to the processor that owns the aggregate.
 *
 * @param id unique and time-ordered
 * @param type what is asked, for example {@code account.register}
 * @param key the aggregate that decides; also the Kafka record key
 * @param actor who asks: {@code account:<id>}, {@code anonymous} or {@code system:<name>}
 * @param at when the edge accepted it
 * @param schemaVersion the version of this envelope's schema
 * @param requestId the HTTP request id, followed through every service
 * @param traceparent W3C trace context, or null
 * @param payload the type's own fields
 */
public record Command(
    UUID id,
    String type,
    String key,
    String actor,
    Instant at,
    int schemaVersion,
    String requestId,
    String traceparent,
    JsonNode payload)
    implements Envelope {

  public static final int SCHEMA_VERSION = 1;

  public Command {
    Fields.required(id, "id");
    Fields.text(type, "type", 100);
    Fields.text(key, "key", 300);
    Fields.text(actor, "actor", 100);
    Fields.required(at, "at");
    Fields.between(schemaVersion, "schemaVersion", 1, SCHEMA_VERSION);
    Fields.text(requestId, "requestId", 100);
    Fields.optionalText(traceparent, "traceparent", 100);
    Fields.required(payload, "payload");
  }

  /** Builds a new command with a fresh id. */
  public static Command of(
      String type, String key, String actor, Instant at, RequestContext request, Object payload) {
    return new Command(
        Ids.newId(),
        type,
        key,
        actor,
        at,
        SCHEMA_VERSION,
        request.requestId(),
        request.traceparent(),
        Json.toTree(payload));
  }

  /** Reads the payload as the given record, strictly. */
  public <T> T payloadAs(Class<T> payloadType) {
    return Json.read(payload, payloadType);
  }
}
