package app.fixmo.schemas.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds {@link DeadJob}s, the same way wherever a job dies: in a worker or in the scheduler.
 *
 * @param topic the topic the record was consumed from
 * @param partition its partition
 * @param offset its offset
 * @param key its key, or null
 */
public record DeadLetters(String topic, int partition, long offset, String key) {

  /** Returns the dead letter of a job that could be read. */
  public DeadJob of(Job job, int attempts, DeadJob.Reason reason, String error, Instant at) {
    return new DeadJob(
        reason,
        DeadJob.shorten(error),
        job.id().toString(),
        job.queue(),
        job.type(),
        attempts,
        topic,
        partition,
        offset,
        key,
        Json.toText(job),
        null,
        at);
  }

  /**
   * Returns the dead letter of a record that could not be read as a job: its bytes as they were (as
   * text when they are UTF-8, else in base64), and whatever job id, queue and type can still be
   * made out of it.
   */
  public DeadJob ofUnreadable(byte[] value, String error, Instant at) {
    Optional<String> text = utf8(value);
    JsonNode tree = text.flatMap(DeadLetters::tree).orElse(null);
    return new DeadJob(
        DeadJob.Reason.MALFORMED,
        DeadJob.shorten(error),
        field(tree, "id"),
        field(tree, "queue"),
        field(tree, "type"),
        0,
        topic,
        partition,
        offset,
        key,
        text.orElse(null),
        value != null && text.isEmpty() ? Base64.getEncoder().encodeToString(value) : null,
        at);
  }

  private static Optional<String> utf8(byte[] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> tree(String text) {
    try {
      return Optional.ofNullable(Json.mapper().readTree(text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  // Only short text counts: a dead letter keeps at most 100 characters of a job id or type.
  private static String field(JsonNode tree, String name) {
    if (tree == null || !tree.isObject()) {
      return null;
    }
    JsonNode value = tree.get(name);
    return value != null && value.isTextual() && value.asText().length() <= 100
        ? value.asText()
        : null;
  }
}
