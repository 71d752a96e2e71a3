package app.fixmo.schemas.jobs;

import app.fixmo.schemas.json.Fields;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A job that will not run again, on the dead-letter topic: why, the last error, where the record
 * came from, and the record itself, so an operator can read it, fix the cause and re-drive it.
 *
 * @param reason why it is dead
 * @param error the last error, or what is wrong with the record
 * @param jobId the job's id, or null when the record could not be read
 * @param queue the job's queue, or null when the record could not be read
 * @param type the job's type, or null when the record could not be read
 * @param attempts how many attempts ran; 0 when none did
 * @param sourceTopic the topic the record was consumed from
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param key the record's key, or null
 * @param record the record's value as UTF-8 text, or null when it is not valid UTF-8
 * @param recordBase64 the record's value in base64 when it is not valid UTF-8, else null
 * @param at when the job was declared dead
 */
public record DeadJob(
    Reason reason,
    String error,
    String jobId,
    String queue,
    String type,
    int attempts,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String key,
    String record,
    String recordBase64,
    Instant at) {

  /** The longest error text kept; longer ones are cut. */
  public static final int MAX_ERROR = 2000;

  public DeadJob {
    Fields.required(reason, "reason");
    Fields.text(error, "error", MAX_ERROR);
    Fields.optionalText(jobId, "jobId", 100);
    Fields.optionalText(type, "type", 100);
    Fields.between(attempts, "attempts", 0, 1000);
    Fields.text(sourceTopic, "sourceTopic", 300);
    Fields.required(at, "at");
  }

  /** Cuts an error text to what a dead letter keeps. */
  public static String shorten(String error) {
    String text = error == null || error.isBlank() ? "(no message)" : error;
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
  }

  /** Why a job is dead. */
  public enum Reason {
    /** Its last attempt failed. */
    ATTEMPTS_EXHAUSTED,
    /** The record is not JSON or breaks the job schema. */
    MALFORMED,
    /** No worker runs its type. */
    UNKNOWN_TYPE,
    /** Its handler said it can never succeed. */
    REJECTED;

    /** Returns the name on the wire and in metrics, for example {@code attempts-exhausted}. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the wire name; anything else is refused. */
    @JsonCreator
    public static Reason fromWire(String value) {
      for (Reason reason : values()) {
        if (reason.wireName().equals(value)) {
          return reason;
        }
      }
      throw new IllegalArgumentException(
          "must be attempts-exhausted, malformed, unknown-type or rejected");
    }
  }
}
