package app.fixmo.schemas.jobs;

import app.fixmo.schemas.envelopes.Job;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a job stands, as {@code GET /api/jobs/{id}} shows it. Kept in Redis as a hash under {@link
 * #keyName(String)}: the edge writes it when it accepts a job, the workers as the job moves.
 *
 * <p>Besides the shown fields the hash keeps two for the workers: {@value #PROGRESS}, so that a
 * late or duplicate write never moves a job back (see {@link #progress()}), and {@value #DONE}, set
 * with the success of the job and read to acknowledge a redelivered job without running it again.
 *
 * @param jobId the job's id
 * @param queue its lane
 * @param type its type
 * @param state where it stands
 * @param attempts how many attempts have started; 0 before the first
 * @param lastError the error of the last failed attempt, or null
 * @param submittedAt when it was submitted
 * @param runAt when it was asked to run at the earliest, or null for at once
 * @param startedAt when its latest attempt started, or null
 * @param finishedAt when it succeeded or died, or null
 */
public record JobStatus(
    String jobId,
    String queue,
    String type,
    State state,
    int attempts,
    String lastError,
    Instant submittedAt,
    Instant runAt,
    Instant startedAt,
    Instant finishedAt) {

  public static final String JOB_ID = "jobId";
  public static final String QUEUE = "queue";
  public static final String TYPE = "type";
  public static final String STATE = "state";
  public static final String ATTEMPTS = "attempts";
  public static final String LAST_ERROR = "lastError";
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String RUN_AT = "runAt";
  public static final String STARTED_AT = "startedAt";
  public static final String FINISHED_AT = "finishedAt";
  public static final String PROGRESS = "progress";
  public static final String DONE = "done";

  /**
   * Returns the status of a job waiting for its attempt ({@code queued} or {@code scheduled}): the
   * attempts before this one have ended, and nothing of this one has started.
   */
  public static JobStatus waiting(Job job, State state) {
    return new JobStatus(
        job.id().toString(),
        job.queue(),
        job.type(),
        state,
        job.attempt() - 1,
        null,
        job.submittedAt(),
        job.runAt(),
        null,
        null);
  }

  /** Returns the name of a job's status hash, before the namespace prefix. */
  public static String keyName(String jobId) {
    return "job:" + jobId;
  }

  /**
   * Returns how far the job has come, as one number that only grows: three steps per attempt
   * (waiting, running, ended), so that any state of attempt {@code n + 1} is past every state of
   * attempt {@code n}. A status write lands only if its progress is at least the stored one.
   */
  public int progress() {
    return progress(state.rank() == 0 ? attempts + 1 : attempts, state);
  }

  /** Returns the progress of an attempt in a state: three steps per attempt. */
  public static int progress(int attempt, State state) {
    return attempt * 3 + state.rank();
  }

  /** Returns the hash fields of this status, the progress included, in a defined order. */
  public Map<String, String> toFields() {
    Map<String, String> fields = new TreeMap<>();
    fields.put(JOB_ID, jobId);
    fields.put(QUEUE, queue);
    fields.put(TYPE, type);
    fields.put(STATE, state.wireName());
    fields.put(ATTEMPTS, Integer.toString(attempts));
    fields.put(PROGRESS, Integer.toString(progress()));
    putIfPresent(fields, LAST_ERROR, lastError);
    putIfPresent(fields, SUBMITTED_AT, submittedAt);
    putIfPresent(fields, RUN_AT, runAt);
    putIfPresent(fields, STARTED_AT, startedAt);
    putIfPresent(fields, FINISHED_AT, finishedAt);
    return fields;
  }

  /** Reads a status hash; empty when the hash does not exist (or expired). */
  public static Optional<JobStatus> fromFields(Map<String, String> fields) {
    if (fields.get(JOB_ID) == null || fields.get(STATE) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new JobStatus(
            fields.get(JOB_ID),
            fields.get(QUEUE),
            fields.get(TYPE),
            State.fromWire(fields.get(STATE)),
            Integer.parseInt(fields.getOrDefault(ATTEMPTS, "0")),
            fields.get(LAST_ERROR),
            instant(fields.get(SUBMITTED_AT)),
            instant(fields.get(RUN_AT)),
            instant(fields.get(STARTED_AT)),
            instant(fields.get(FINISHED_AT))));
  }

  private static void putIfPresent(Map<String, String> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value.toString());
    }
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** Where a job stands. */
  public enum State {
    /** Waiting for its {@code runAt}, or for the back-off before its next attempt. */
    SCHEDULED(0),
    /** On its lane, waiting for a worker. */
    QUEUED(0),
    /** An attempt is running. */
    RUNNING(1),
    /** Finished: its effect happened. */
    SUCCEEDED(2),
    /** An attempt failed; the next one is scheduled. */
    RETRYING(2),
    /** Finished without success; its record is on the dead-letter topic. */
    DEAD(2);

    private final int rank;

    State(int rank) {
      this.rank = rank;
    }

    /**
     * Returns how far an attempt has come in this state: 0 before it starts, 1 while it runs, 2
     * once it ended.
     */
    public int rank() {
      return rank;
    }

    /** Returns the name on the wire, for example {@code retrying}. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire name; anything else is refused. */
    @JsonCreator
    public static State fromWire(String value) {
      for (State state : values()) {
        if (state.wireName().equals(value)) {
          return state;
        }
      }
      throw new IllegalArgumentException(
          "must be scheduled, queued, running, succeeded, retrying or dead");
    }
  }
}
