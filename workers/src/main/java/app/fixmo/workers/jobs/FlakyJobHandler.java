package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.RetryPolicy;

/**
 * Runs {@code diagnostics.flaky}: fails while the attempt is at most the payload's {@code
 * failTimes}, then succeeds. Lets a newcomer, or a test, watch retries and dead letters happen.
 */
public final class FlakyJobHandler implements JobHandler {

  private final RetryPolicy retryPolicy;

  /** Creates the handler with the catalogue's retry policy for diagnostics. */
  public FlakyJobHandler() {
    this(JobTypes.DIAGNOSTIC_RETRIES);
  }

  /** Creates the handler with another retry policy (tests that cannot wait seconds). */
  public FlakyJobHandler(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  @Override
  public String type() {
    return JobTypes.DIAGNOSTICS_FLAKY;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public void handle(Job job) throws JobRejected {
    int failTimes = Payloads.read(job, JobTypes.Flaky.class).failTimes();
    if (job.attempt() <= failTimes) {
      throw new IllegalStateException(
          "planned failure " + job.attempt() + " of " + failTimes + " (diagnostics.flaky)");
    }
  }
}
