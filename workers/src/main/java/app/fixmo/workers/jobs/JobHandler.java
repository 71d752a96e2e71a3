package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobType;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.RetryPolicy;

/** Runs jobs of one type. */
public interface JobHandler {

  /** Returns the job type this handler runs, for example {@code mail.welcome}. */
  String type();

  /**
   * Runs the job. Throwing {@link JobRejected} sends it to the dead-letter topic at once; any other
   * exception fails this attempt, and the job is retried as {@link #retryPolicy()} says.
   */
  void handle(Job job) throws Exception;

  /** Returns how failed attempts are retried: the catalogue's policy for the type. */
  default RetryPolicy retryPolicy() {
    return JobTypes.ALL.stream()
        .filter(type -> type.name().equals(type()))
        .map(JobType::retryPolicy)
        .findFirst()
        .orElse(JobTypes.MAIL_RETRIES);
  }
}
