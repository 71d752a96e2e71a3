package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobType;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/** Runs jobs of one type. */
public interface JobHandler {

  /** Returns the job type this handler runs, for example {@code mail.welcome}. */
  String type();

  /**
   * Runs the job. Throwing {@link JobRejected} sends it to the dead-letter topic at once; any other
   * exception fails this attempt, and the job is retried as {@link #retryPolicy()} says.
   *
   * <p>An attempt still running at {@link #timeLimit()} fails too: its thread is interrupted and
   * left behind. A handler should therefore give up when interrupted, and bound its own blocking
   * calls, since a socket read on a platform thread does not wake for an interrupt.
   */
  void handle(Job job) throws Exception;

  /** Returns how long one attempt may run: the catalogue's limit for the type. */
  default Duration timeLimit() {
    return catalogued().map(JobType::timeLimit).orElse(JobTypes.MAIL_TIME_LIMIT);
  }

  /** Returns how failed attempts are retried: the catalogue's policy for the type. */
  default RetryPolicy retryPolicy() {
    return catalogued().map(JobType::retryPolicy).orElse(JobTypes.MAIL_RETRIES);
  }

  private Optional<JobType> catalogued() {
    return JobTypes.ALL.stream().filter(type -> type.name().equals(type())).findFirst();
  }
}
