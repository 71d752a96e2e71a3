package app.fixmo.edge.exports;

import app.fixmo.schemas.jobs.ExportHash;
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
    if (fields.get(ExportHash.EXPORT_ID) == null || fields.get(ExportHash.PROVIDER_ID) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ExportRecord(
            fields.get(ExportHash.EXPORT_ID),
            fields.get(ExportHash.PROVIDER_ID),
            fields.getOrDefault(ExportHash.STATE, ExportHash.PENDING),
            instant(fields.get(ExportHash.REQUESTED_AT)),
            instant(fields.get(ExportHash.READY_AT)),
            instant(fields.get(ExportHash.EXPIRES_AT)),
            number(fields.get(ExportHash.ROWS)),
            number(fields.get(ExportHash.BYTES))));
  }

  /** Returns the hash fields of a new export, before a worker has built it. */
  static Map<String, String> pendingFields(
      String exportId, String providerId, Instant requestedAt, Instant expiresAt) {
    return Map.of(
        ExportHash.EXPORT_ID,
        exportId,
        ExportHash.PROVIDER_ID,
        providerId,
        ExportHash.STATE,
        ExportHash.PENDING,
        ExportHash.REQUESTED_AT,
        requestedAt.toString(),
        ExportHash.EXPIRES_AT,
        expiresAt.toString());
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
    if (ExportHash.READY.equals(stored)) {
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
