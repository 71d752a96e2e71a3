package app.fixmo.workers.jobs;

/** What became of one delivery of a job. */
public enum Settlement {
  /** The handler succeeded; the job is done. */
  SUCCEEDED,
  /** The attempt failed and the next one is scheduled. */
  RETRYING,
  /** The job went to the dead-letter topic. */
  DEAD,
  /** The job was not due yet and went to the scheduled topic. */
  SCHEDULED,
  /** The job was done, or this attempt had ended, already: acknowledged without running. */
  DUPLICATE,
  /** The job was handed back to the broker unstarted, for this or another worker to take. */
  RELEASED
}
