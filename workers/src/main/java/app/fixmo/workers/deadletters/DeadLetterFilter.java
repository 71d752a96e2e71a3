package app.fixmo.workers.deadletters;

import app.fixmo.schemas.jobs.DeadJob;
import java.time.Instant;
import java.util.Optional;

/**
 * Which dead letters an operator means: every part that is present must match.
 *
 * @param jobId one job
 * @param type the job type
 * @param reason why the jobs died
 * @param since died at or after
 */
public record DeadLetterFilter(
    Optional<String> jobId,
    Optional<String> type,
    Optional<DeadJob.Reason> reason,
    Optional<Instant> since) {

  /** The filter that matches every dead letter. */
  public static final DeadLetterFilter ALL =
      new DeadLetterFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Tells whether a dead letter matches. */
  public boolean matches(DeadJob dead) {
    return jobId.map(id -> id.equals(dead.jobId())).orElse(true)
        && type.map(name -> name.equals(dead.type())).orElse(true)
        && reason.map(wanted -> wanted == dead.reason()).orElse(true)
        && since.map(time -> !dead.at().isBefore(time)).orElse(true);
  }
}
