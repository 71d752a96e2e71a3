package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.DeadLetters;
import app.fixmo.schemas.jobs.JobStatus;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead letters of consumed records, and the dead status that goes with them. */
final class DeadJobs {

  private DeadJobs() {}

  /** Returns the dead letter of a job that was read. */
  static DeadJob of(
      Job job,
      int attempts,
      ConsumerRecord<String, byte[]> record,
      DeadJob.Reason reason,
      String error,
      Instant at) {
    return source(record).of(job, attempts, reason, error, at);
  }

  /** Returns the dead letter of a record that could not be read as a job. */
  static DeadJob ofUnreadable(ConsumerRecord<String, byte[]> record, String error, Instant at) {
    return source(record).ofUnreadable(record.value(), error, at);
  }

  /** Returns the dead status of a dead letter that names its job, queue and type. */
  static Optional<JobStatus> status(DeadJob dead, Job job, Instant startedAt) {
    if (dead.jobId() == null || !Job.QUEUES.contains(dead.queue()) || dead.type() == null) {
      return Optional.empty();
    }
    // Attempts of a job that died before running count as one, so the status outranks queued.
    int attempts = job == null ? 1 : job.attempt();
    return Optional.of(
        new JobStatus(
            dead.jobId(),
            dead.queue(),
            dead.type(),
            JobStatus.State.DEAD,
            attempts,
            dead.error(),
            job == null ? null : job.submittedAt(),
            job == null ? null : job.runAt(),
            startedAt,
            dead.at()));
  }

  private static DeadLetters source(ConsumerRecord<String, byte[]> record) {
    return new DeadLetters(record.topic(), record.partition(), record.offset(), record.key());
  }
}
