package app.fixmo.schemas.envelopes;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit of background work on a job topic. Outside producers may write these directly, with any
 * Kafka client, following {@code json-schema/job.schema.json}.
 *
 * @param id unique; a redelivered or retried job keeps its id
 * @param queue the lane: {@code critical}, {@code default} or {@code bulk}
 * @param type what to do, for example {@code mail.welcome}
 * @param payload the type's own fields
 * @param attempt which attempt this is, counting from 1
 * @param runAt when to run it at the earliest, or null for now
 * @param idempotencyKey a producer's own key for the job, or null
 * @param submittedBy who submitted it
 * @param submittedAt when it was submitted
 * @param schemaVersion the version of this envelope's schema
 * @param requestId the request that caused it
 * @param traceparent W3C trace context, or null
 */
public record Job(
    UUID id,
    String queue,
    String type,
    JsonNode payload,
    int attempt,
    Instant runAt,
    String idempotencyKey,
    String submittedBy,
    Instant submittedAt,
    int schemaVersion,
    String requestId,
    String traceparent)
    implements Envelope {

  public static final int SCHEMA_VERSION = 1;

  /** The lanes a job may travel in, most urgent first. */
  public static final java.util.List<String> QUEUES =
      java.util.List.of("critical", "default", "bulk");

  public Job {
    Fields.required(id, "id");
    Fields.oneOf(queue, "queue", QUEUES);
    Fields.text(type, "type", 100);
    Fields.required(payload, "payload");
    Fields.between(attempt, "attempt", 1, 1000);
    Fields.optionalText(idempotencyKey, "idempotencyKey", 200);
    Fields.text(submittedBy, "submittedBy", 100);
    Fields.required(submittedAt, "submittedAt");
    Fields.between(schemaVersion, "schemaVersion", 1, SCHEMA_VERSION);
    Fields.text(requestId, "requestId", 100);
    Fields.optionalText(traceparent, "traceparent", 100);
  }

  /** Builds the first attempt of a job that an event made necessary. */
  public static Job of(Event cause, String queue, String type, Object payload) {
    return new Job(
        Ids.newId(),
        queue,
        type,
        Json.toTree(payload),
        1,
        null,
        cause.id().toString(),
        cause.actor(),
        cause.at(),
        SCHEMA_VERSION,
        cause.requestId(),
        cause.traceparent());
  }

  /** Returns the next attempt of this job, to run at the earliest at {@code runAt}. */
  public Job nextAttempt(Instant runAt) {
    return new Job(
        id,
        queue,
        type,
        payload,
        attempt + 1,
        runAt,
        idempotencyKey,
        submittedBy,
        submittedAt,
        schemaVersion,
        requestId,
        traceparent);
  }

  /** Tells whether the job may run at {@code now}: it has no runAt, or that time has come. */
  public boolean isDueBy(Instant now) {
    return runAt == null || !runAt.isAfter(now);
  }

  /** Returns when the job became ready to run: its runAt, or when it was submitted. */
  public Instant readySince() {
    return runAt == null || runAt.isBefore(submittedAt) ? submittedAt : runAt;
  }

  /** Reads the payload as the given record, strictly. */
  public <T> T payloadAs(Class<T> payloadType) {
    return Json.read(payload, payloadType);
  }
}
