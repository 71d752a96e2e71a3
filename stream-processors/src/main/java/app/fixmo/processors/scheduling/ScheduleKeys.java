package app.fixmo.processors.scheduling;

import app.fixmo.schemas.envelopes.Job;
import java.time.Instant;

/**
 * Keys of the schedule store: the runAt in epoch milliseconds, zero-padded to 19 digits, then the
 * job id. Their UTF-8 bytes sort as their times do, so the due jobs are one range scan from the
 * start of the store, earliest first.
 */
final class ScheduleKeys {

  private ScheduleKeys() {}

  /** Returns the key of a job that waits for its runAt. */
  static String of(Job job) {
    return time(job.runAt().toEpochMilli()) + "|" + job.id();
  }

  /**
   * Returns the inclusive upper bound of the keys due at {@code now}: the padded time one
   * millisecond later sorts after every key of {@code now} and before every key after it.
   */
  static String dueBy(Instant now) {
    return time(now.toEpochMilli() + 1);
  }

  private static String time(long epochMillis) {
    return String.format("%019d", epochMillis);
  }
}
