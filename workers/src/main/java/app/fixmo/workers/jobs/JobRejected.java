package app.fixmo.workers.jobs;

/**
 * Thrown by a {@link JobHandler} for a job that can never succeed (a payload that names something
 * that does not exist, an address the mail server refuses for good): the job goes to the
 * dead-letter topic at once instead of being retried.
 */
public final class JobRejected extends Exception {

  private static final long serialVersionUID = 1L;

  public JobRejected(String message) {
    super(message);
  }
}
