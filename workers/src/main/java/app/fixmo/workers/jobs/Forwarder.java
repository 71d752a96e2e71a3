package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a delivery on instead of running it (again): its next attempt or a job not yet due to the
 * scheduled topic, a dead job to the dead-letter topic. Each sets what the {@link JobRunner} must
 * wait for before the acknowledgement: the record sent, then the status that tells of it.
 */
final class Forwarder {

  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

  private final Set<String> types;
  private final JobOutbox outbox;
  private final JobMetrics metrics;
  private final Clock clock;
  private final DoubleSupplier jitter;

  Forwarder(
      Set<String> types, JobOutbox outbox, JobMetrics metrics, Clock clock, DoubleSupplier jitter) {
    this.types = Set.copyOf(types);
    this.outbox = outbox;
    this.metrics = metrics;
    this.clock = clock;
    this.jitter = jitter;
  }

  /**
   * Schedules the next attempt of a job whose attempt failed, or declares it dead after its last.
   */
  void failed(Delivery delivery, Instant started, Exception e) {
    Job job = delivery.job;
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.toString();
    if (!delivery.handler.retryPolicy().allowsAttemptAfter(job.attempt())) {
      log.warn("job {} failed its last attempt {}: {}", job.type(), job.attempt(), error);
      dead(delivery, DeadJob.Reason.ATTEMPTS_EXHAUSTED, error, started);
      return;
    }
    Duration backoff =
        delivery.handler.retryPolicy().backoffAfter(job.attempt(), jitter.getAsDouble());
    Job next = job.nextAttempt(clock.instant().plus(backoff));
    log.warn(
        "job {} attempt {} failed, next in {} ms: {}",
        job.type(),
        job.attempt(),
        backoff.toMillis(),
        error);
    delivery.sent = outbox.schedule(next);
    delivery.statusOnceSent =
        new JobStatus(
            job.id().toString(),
            job.queue(),
            job.type(),
            State.RETRYING,
            job.attempt(),
            DeadJob.shorten(error),
            job.submittedAt(),
            next.runAt(),
            started,
            null);
    metrics.of(job.queue(), job.type()).retried.increment();
    delivery.settle(Settlement.RETRYING, AcknowledgeType.ACCEPT);
  }

  /** Sends a job that is not due yet to the scheduler. */
  void reschedule(Delivery delivery) {
    Job job = delivery.job;
    log.debug("job {} is due at {}; sending it to the scheduler", job.type(), job.runAt());
    delivery.sent = outbox.schedule(job);
    delivery.statusOnceSent = JobStatus.waiting(job, State.SCHEDULED);
    delivery.settle(Settlement.SCHEDULED, AcknowledgeType.ACCEPT);
  }

  /** Dead-letters a job of a type no handler runs. */
  void unknownType(Delivery delivery) {
    log.warn("no handler for job type {}; dead-lettering it", delivery.job.type());
    String error = "no worker runs job type '" + delivery.job.type() + "'";
    dead(delivery, DeadJob.Reason.UNKNOWN_TYPE, error, null);
  }

  /** Dead-letters a job, for the reason given; {@code started} is null if no attempt ran. */
  void dead(Delivery delivery, DeadJob.Reason reason, String error, Instant started) {
    Job job = delivery.job;
    int attempts = started == null ? 0 : job.attempt();
    DeadJob dead = DeadJobs.of(job, attempts, delivery.record, reason, error, clock.instant());
    String type = types.contains(job.type()) ? job.type() : JobMetrics.UNKNOWN_TYPE;
    metrics.of(job.queue(), type).dead(reason);
    delivery.sent = outbox.deadLetter(dead, job.requestId(), job.traceparent());
    delivery.statusOnceSent = DeadJobs.status(dead, job, started).orElse(null);
    delivery.settle(Settlement.DEAD, AcknowledgeType.REJECT);
  }

  /** Dead-letters a record that is not a job, with its bytes and where it came from. */
  void unreadable(Lane lane, Delivery delivery) {
    log.warn("job record unreadable; dead-lettering it: {}", delivery.problem);
    DeadJob dead = DeadJobs.ofUnreadable(delivery.record, delivery.problem, clock.instant());
    // Set.copyOf refuses null even in contains; a record without a readable type has none.
    String type =
        dead.type() != null && types.contains(dead.type()) ? dead.type() : JobMetrics.UNREADABLE;
    metrics.of(lane.queue(), type).dead(dead.reason());
    String requestId = KafkaHeaders.read(delivery.record.headers(), KafkaHeaders.REQUEST_ID);
    delivery.sent = outbox.deadLetter(dead, requestId, null);
    delivery.statusOnceSent = DeadJobs.status(dead, null, null).orElse(null);
    delivery.settle(Settlement.DEAD, AcknowledgeType.REJECT);
  }
}
