package app.fixmo.schemas.envelopes;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A fact a processor decided: something that happened to an aggregate.
 *
 * @param id unique and time-ordered
 * @param type what happened, for example {@code account.registered}
 * @param key the aggregate it happened to; also the Kafka record key
 * @param version the aggregate's version after this event, counting from 1
 * @param actor who caused it
 * @param at when the processor decided it
 * @param schemaVersion the version of this envelope's schema
 * @param requestId the request that caused it
 * @param traceparent W3C trace context, or null
 * @param payload the type's own fields
 */
public record Event(
    UUID id,
    String type,
    String key,
    long version,
    String actor,
    Instant at,
    int schemaVersion,
    String requestId,
    String traceparent,
    JsonNode payload)
    implements Envelope {

  public static final int SCHEMA_VERSION = 1;

  public Event {
    Fields.required(id, "id");
    Fields.text(type, "type", 100);
    Fields.text(key, "key", 300);
    if (version < 1) {
      throw SchemaViolation.ofField("version", "must be at least 1");
    }
    Fields.text(actor, "actor", 100);
    Fields.required(at, "at");
    Fields.between(schemaVersion, "schemaVersion", 1, SCHEMA_VERSION);
    Fields.text(requestId, "requestId", 100);
    Fields.optionalText(traceparent, "traceparent", 100);
    Fields.required(payload, "payload");
  }

  /** Builds the event that a command caused. */
  public static Event of(
      Command cause, String type, String key, long version, Instant at, Object payload) {
    return new Event(
        Ids.newId(),
        type,
        key,
        version,
        cause.actor(),
        at,
        SCHEMA_VERSION,
        cause.requestId(),
        cause.traceparent(),
        Json.toTree(payload));
  }

  /** Reads the payload as the given record, strictly. */
  public <T> T payloadAs(Class<T> payloadType) {
    return Json.read(payload, payloadType);
  }
}
