package app.fixmo.edge.exports;

import app.fixmo.schemas.jobs.JobStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * An export as {@code GET /api/me/exports/{id}} answers it. Fields not known yet (readyAt, rows,
 * bytes and download before the CSV is built) are left out.
 *
 * @param download the path of the CSV, once it is ready
 */
record ExportView(
    String exportId,
    ExportRecord.State state,
    Instant requestedAt,
    Instant readyAt,
    Instant expiresAt,
    Integer rows,
    Integer bytes,
    String download) {

  /** Returns the view of a stored export, its job's state telling a failed one from a pending. */
  static ExportView of(ExportRecord record, Optional<JobStatus.State> job) {
    ExportRecord.State state = record.state(job);
    boolean ready = state == ExportRecord.State.READY;
    return new ExportView(
        record.exportId(),
        state,
        record.requestedAt(),
        record.readyAt(),
        record.expiresAt(),
        ready ? record.rows() : null,
        ready ? record.bytes() : null,
        ready ? ExportRoutes.csvPath(record.exportId()) : null);
  }
}
