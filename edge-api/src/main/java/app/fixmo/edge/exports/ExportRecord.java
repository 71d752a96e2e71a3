package app.fixmo.edge.exports;

import app.fixmo.schemas.jobs.JobStatus;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An export as Redis keeps it (see {@link ExportRecords}): whose it is and how far it came. The
 * edge writes it when it accepts the request, state {@code pending}; the worker that builds the CSV
 * rewrites it, state {@code ready}.
 *
 * @param providerId the provider whose bookings it holds: the only account that may see it
 * @param stored {@code pending} or {@code ready}, as stored
 * @param readyAt when it was built, or null before
 * @param expiresAt when Redis forgets it
 * @param rows bookings in the CSV, or null before it is built
 * @param bytes the CSV's size, or null before it is built
 */
record ExportRecord(
    String exportId,
    String providerId,
    String stored,
    Instant requestedAt,
    Instant readyAt,
    Instant expiresAt,
    Integer rows,
    Integer bytes) {

  static final String PENDING = "pending";
  static final String READY = "ready";

  /** Where an export stands, as the API shows it. */
  enum State {
    PENDING,
    READY,
    FAILED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads the stored hash; empty when there is none (never made, or expired). */
  static Optional<ExportRecord> fromFields(Map<String, String> fields) {
    if (fields.get("exportId") == null || fields.get("providerId") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ExportRecord(
            fields.get("exportId"),
            fields.get("providerId"),
            fields.getOrDefault("state", PENDING),
            instant(fields.get("requestedAt")),
            instant(fields.get("readyAt")),
            instant(fields.get("expiresAt")),
            number(fields.get("rows")),
            number(fields.get("bytes"))));
  }

  /** Returns the hash fields of a new export, before a worker has built it. */
  static Map<String, String> pendingFields(
      String exportId, String providerId, Instant requestedAt, Instant expiresAt) {
    return Map.of(
        "exportId", exportId,
        "providerId", providerId,
        "state", PENDING,
        "requestedAt", requestedAt.toString(),
        "expiresAt", expiresAt.toString());
  }

  /** Tells whether an account may see this export: only the provider it was made for. */
  boolean isVisibleTo(String accountId) {
    return providerId.equals(accountId);
  }

  /**
   * Returns where the export stands: ready once built; failed when its job died (the worker gave
   * up, after its last attempt or at once for a job that can never succeed); else pending.
   */
  State state(Optional<JobStatus.State> job) {
    if (READY.equals(stored)) {
      return State.READY;
    }
    return job.filter(JobStatus.State.DEAD::equals).isPresent() ? State.FAILED : State.PENDING;
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static Integer number(String text) {
    return text == null ? null : Integer.valueOf(text);
  }
}
