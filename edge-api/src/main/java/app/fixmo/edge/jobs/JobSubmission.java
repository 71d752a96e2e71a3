package app.fixmo.edge.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * The body of {@code POST /api/jobs}.
 *
 * @param queue {@code critical}, {@code default} or {@code bulk}; absent means default
 * @param type a registered job type
 * @param payload the type's fields, an object; absent means {@code {}}
 * @param runAt when to run it at the earliest; absent or past means now
 * @param idempotencyKey the caller's key: the same key from the same API key within 24 h returns
 *     the first job's id and submits nothing
 */
record JobSubmission(
    String queue, String type, JsonNode payload, Instant runAt, String idempotencyKey) {

  JobSubmission {
    queue = queue == null ? JobTypes.DEFAULT_QUEUE : queue;
    Fields.oneOf(queue, "queue", Job.QUEUES);
    Fields.text(type, "type", 100);
    payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
    if (!payload.isObject()) {
      throw SchemaViolation.ofField("payload", "must be an object");
    }
    if (idempotencyKey != null && idempotencyKey.isBlank()) {
      throw SchemaViolation.ofField("idempotencyKey", "must not be blank");
    }
    Fields.optionalText(idempotencyKey, "idempotencyKey", 200);
  }
}
