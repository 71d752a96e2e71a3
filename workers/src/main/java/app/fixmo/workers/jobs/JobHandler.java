package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;

/** Runs jobs of one type. */
public interface JobHandler {

  /** Returns the job type this handler runs, for example {@code mail.welcome}. */
  String type();

  /** Runs the job; throws to have it retried. */
  void handle(Job job) throws Exception;
}
