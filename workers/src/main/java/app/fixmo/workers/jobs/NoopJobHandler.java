package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;

/** Runs {@code diagnostics.noop}: succeeds at once. For smoke checks and load tests. */
public final class NoopJobHandler implements JobHandler {

  @Override
  public String type() {
    return JobTypes.DIAGNOSTICS_NOOP;
  }

  @Override
  public void handle(Job job) throws JobRejected {
    Payloads.read(job, JobTypes.Noop.class);
  }
}
