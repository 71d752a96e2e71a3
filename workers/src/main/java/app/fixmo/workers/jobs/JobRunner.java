package app.fixmo.workers.jobs;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of each record of a poll, and carries it out: runs due jobs, sends later
 * attempts and jobs not yet due to the scheduled topic, and dead letters to the dead-letter topic.
 *
 * <p>A failed attempt is accepted, and its next attempt is a new record on the scheduled topic with
 * a {@code runAt} after the back-off; the broker's own redelivery (release) is kept for handing
 * back jobs not started, because it comes back at once and counts against the delivery limit.
 *
 * <p>Effect once: the status hash of a job carries a done mark, set together with its success.
 * Before running, the marks of the whole poll are read in one pipelined round; a job marked done,
 * or an attempt whose status shows it ended, is accepted without running. The remaining window is a
 * crash after a handler's effect and before its done mark reached Redis (see {@link StatusWrites}
 * for when marks are sent): such a job runs again.
 *
 * <p>Order of writes: a record sent to Kafka (retry, dead letter) is stored before the status that
 * tells of it is written, and both before the acknowledgement, so a crash at any point leaves the
 * job on a topic, never lost; at worst it is handled twice, which the progress guard of {@link
 * JobStatusStore} and the done mark absorb.
 *
 * <p>Time limits: a poll's jobs run on the consumer's {@link HandlerThread}, and an attempt past
 * its type's limit fails like any other, so one hung handler holds its lane for the limit and no
 * longer. A job starts only while half the acquisition lock is left, and no limit is longer than
 * that half (see {@link ShareGroups#LONGEST_TIME_LIMIT}), so a job ends before its lock does and
 * the broker never hands it to a second worker while the first still runs it.
 */
final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  // A job this close to its runAt runs now: sending it through the scheduler would be later.
  private static final Duration EARLY_TOLERANCE = Duration.ofMillis(100);

  private final Map<String, JobHandler> handlers;
  private final Map<String, Duration> timeLimits;
  private final JobStatusStore statuses;
  private final JobMetrics metrics;
  private final JobListener listener;
  private final Clock clock;
  private final Forwarder forwarder;

  JobRunner(
      Map<String, JobHandler> handlers,
      JobStatusStore statuses,
      JobOutbox outbox,
      JobMetrics metrics,
      JobListener listener,
      Clock clock,
      DoubleSupplier jitter) {
    this.handlers = Map.copyOf(handlers);
    this.timeLimits = timeLimits(handlers.values());
    this.statuses = statuses;
    this.metrics = metrics;
    this.listener = listener;
    this.clock = clock;
    this.forwarder = new Forwarder(handlers.keySet(), outbox, metrics, clock, jitter);
  }

  /** The acknowledgements of one poll's records, in order, and whether Redis or Kafka failed. */
  record Outcome(List<AcknowledgeType> acknowledgements, boolean dependencyFailed) {}

  /**
   * Handles one poll's records in order.
   *
   * @param mayStart asked before each job starts; false hands the rest back unstarted (shutdown, or
   *     the acquisition lock running out), except a record on its last delivery
   * @param handlerThread where the handlers run, within their time limits
   */
  Outcome run(
      Lane lane,
      List<ConsumerRecord<String, byte[]>> records,
      BooleanSupplier mayStart,
      HandlerThread handlerThread) {
    Instant now = clock.instant();
    List<Delivery> deliveries = records.stream().map(record -> read(lane, record, now)).toList();
    readMarks(deliveries);

    Turn turn = new Turn(lane, mayStart, handlerThread, new StatusWrites(statuses));
    handlerThread.runAll(deliveries, delivery -> process(delivery, turn), this::timedOut);
    boolean failed = turn.dependencyFailed | !settle(deliveries, turn.writes);
    return new Outcome(deliveries.stream().map(d -> d.acknowledgement).toList(), failed);
  }

  // One pipeline for the whole poll: the marks are in hand by the time the first job needs one.
  private void readMarks(List<Delivery> deliveries) {
    JobStatusStore.Pipeline reads = statuses.pipeline();
    for (Delivery delivery : deliveries) {
      if (delivery.kind == Delivery.Kind.RUNNABLE) {
        delivery.mark = reads.read(delivery.job.id().toString());
      }
    }
    reads.send();
  }

  private Delivery read(Lane lane, ConsumerRecord<String, byte[]> record, Instant now) {
    if (record.value() == null) {
      return Delivery.unreadable(record, "the record has no value");
    }
    Job job;
    try {
      job = Json.read(record.value(), Job.class);
    } catch (SchemaViolation e) {
      String where = e.field().isEmpty() ? "" : " at '" + e.field() + "'";
      return Delivery.unreadable(record, "not a valid job" + where + ": " + e.getMessage());
    }
    JobHandler handler = handlers.get(job.type());
    if (handler == null) {
      return Delivery.of(record, Delivery.Kind.UNKNOWN_TYPE, job, null);
    }
    if (!job.isDueBy(now.plus(EARLY_TOLERANCE))) {
      return Delivery.of(record, Delivery.Kind.NOT_DUE, job, handler);
    }
    if (job.attempt() == 1 && record.deliveryCount().orElse((short) 1) == 1) {
      metrics.of(job.queue(), job.type()).submitted.increment();
    }
    return Delivery.of(record, Delivery.Kind.RUNNABLE, job, handler);
  }

  /**
   * What one poll's deliveries share, handed from thread to thread with the poll: the handler
   * thread works through them, and the consumer's thread reads the result once it is done.
   */
  private static final class Turn {

    final Lane lane;
    final BooleanSupplier mayStart;
    final HandlerThread handlerThread;
    final StatusWrites writes;
    volatile boolean dependencyFailed;

    Turn(Lane lane, BooleanSupplier mayStart, HandlerThread thread, StatusWrites writes) {
      this.lane = lane;
      this.mayStart = mayStart;
      this.handlerThread = thread;
      this.writes = writes;
    }
  }

  /** Handles one delivery, on the handler thread. */
  private void process(Delivery delivery, Turn turn) {
    try (LogContext context = logContext(delivery)) {
      switch (delivery.kind) {
        case UNREADABLE -> forwarder.unreadable(turn.lane, delivery);
        case UNKNOWN_TYPE -> forwarder.unknownType(delivery);
        case NOT_DUE -> forwarder.reschedule(delivery);
        case RUNNABLE -> {
          if (!attempt(delivery, turn)) {
            turn.dependencyFailed = true;
          }
        }
      }
    }
  }

  /** Fails an attempt whose handler ran past its limit, on the consumer's thread. */
  private void timedOut(Delivery delivery, Duration limit) {
    try (LogContext context = logContext(delivery)) {
      Job job = delivery.job;
      metrics.of(job.queue(), job.type()).duration.record(limit);
      forwarder.failed(delivery, delivery.started, new HandlerThread.TimeLimitExceeded(limit));
    }
  }

  private static LogContext logContext(Delivery delivery) {
    String requestId = KafkaHeaders.read(delivery.record.headers(), KafkaHeaders.REQUEST_ID);
    LogContext context = LogContext.of(delivery.record, requestId);
    if (delivery.job != null) {
      context.with(LogFields.JOB_ID, delivery.job.id().toString());
    }
    return context;
  }

  private boolean attempt(Delivery delivery, Turn turn) {
    boolean lastChance = delivery.deliveryCount() >= ShareGroups.DELIVERY_LIMIT;
    if (!lastChance && !turn.mayStart.getAsBoolean()) {
      delivery.settle(Settlement.RELEASED, AcknowledgeType.RELEASE);
      return true;
    }
    JobStatusStore.Mark mark;
    try {
      mark = delivery.mark.join();
    } catch (CompletionException e) {
      return withoutMark(delivery, lastChance, e.getCause(), turn);
    }
    if (mark.done()
        || mark.progress() > JobStatus.progress(delivery.job.attempt(), State.RUNNING)) {
      return duplicate(delivery, mark);
    }
    run(delivery, turn);
    return true;
  }

  // Without Redis the worker cannot tell a redelivered job from a new one. It hands the job
  // back, unless the broker would archive it after this delivery: then it runs unguarded,
  // since running a job twice is better than losing it.
  private boolean withoutMark(Delivery delivery, boolean lastChance, Throwable error, Turn turn) {
    if (lastChance) {
      log.warn(
          "Redis unreadable on the job's last delivery; running it unguarded: {}",
          error.toString());
      run(delivery, turn);
    } else {
      log.warn("Redis unreadable; handing the job back: {}", error.toString());
      delivery.settle(Settlement.RELEASED, AcknowledgeType.RELEASE);
    }
    return false;
  }

  private boolean duplicate(Delivery delivery, JobStatusStore.Mark mark) {
    log.info(
        "job {} attempt {} ended before (done: {}); acknowledging the redelivery",
        delivery.job.type(),
        delivery.job.attempt(),
        mark.done());
    metrics.of(delivery.job.queue(), delivery.job.type()).duplicates.increment();
    delivery.settle(Settlement.DUPLICATE, AcknowledgeType.ACCEPT);
    return true;
  }

  private void run(Delivery delivery, Turn turn) {
    Job job = delivery.job;
    StatusWrites writes = turn.writes;
    JobMetrics.Meters meters = metrics.of(job.queue(), job.type());
    Instant started = clock.instant();
    delivery.started = started;
    meters.started.increment();
    meters.waited(Duration.between(job.readySince(), started));
    delivery.writes.add(writes.write(status(job, State.RUNNING, job.attempt(), started), false));
    writes.beforeHandler();
    long startNanos = System.nanoTime();
    try {
      turn.handlerThread.timed(timeLimits.get(job.type()), () -> delivery.handler.handle(job));
      long nanos = System.nanoTime() - startNanos;
      meters.duration.record(Duration.ofNanos(nanos));
      succeeded(delivery, meters, started, writes);
      writes.afterHandler(nanos);
    } catch (JobRejected e) {
      meters.duration.record(Duration.ofNanos(System.nanoTime() - startNanos));
      log.warn("job {} rejected for good: {}", job.type(), e.getMessage());
      forwarder.dead(delivery, DeadJob.Reason.REJECTED, e.getMessage(), started);
    } catch (Exception e) {
      meters.duration.record(Duration.ofNanos(System.nanoTime() - startNanos));
      forwarder.failed(delivery, started, e);
    }
  }

  private void succeeded(
      Delivery delivery, JobMetrics.Meters meters, Instant started, StatusWrites writes) {
    Job job = delivery.job;
    JobStatus done =
        new JobStatus(
            job.id().toString(),
            job.queue(),
            job.type(),
            State.SUCCEEDED,
            job.attempt(),
            null,
            job.submittedAt(),
            job.runAt(),
            started,
            clock.instant());
    // The done mark leaves with the next send: at once after a slow job, within a few ms else.
    delivery.writes.add(writes.write(done, true));
    meters.succeeded.increment();
    log.debug("job {} succeeded on attempt {}", job.type(), job.attempt());
    delivery.settle(Settlement.SUCCEEDED, AcknowledgeType.ACCEPT);
  }

  /**
   * Waits for every record sent and every status written, then tells the listener. A record that
   * could not be sent is handed back; a status that could not be written is only logged, since its
   * job is settled on Kafka either way.
   */
  private boolean settle(List<Delivery> deliveries, StatusWrites writes) {
    writes.send();
    boolean ok = true;
    for (Delivery delivery : deliveries) {
      ok &= awaitSent(delivery, writes);
    }
    writes.send();
    for (Delivery delivery : deliveries) {
      ok &= awaitWrites(delivery);
    }
    Instant now = clock.instant();
    for (Delivery delivery : deliveries) {
      if (delivery.job != null) {
        listener.settled(delivery.job, delivery.settlement, now);
      }
    }
    return ok;
  }

  private boolean awaitSent(Delivery delivery, StatusWrites writes) {
    if (delivery.sent == null) {
      return true;
    }
    try {
      delivery.sent.join();
    } catch (CompletionException e) {
      log.warn("could not send job record; handing it back: {}", e.getCause().toString());
      delivery.settle(Settlement.RELEASED, AcknowledgeType.RELEASE);
      return false;
    }
    if (delivery.statusOnceSent != null) {
      delivery.writes.add(writes.write(delivery.statusOnceSent, false));
    }
    return true;
  }

  private boolean awaitWrites(Delivery delivery) {
    boolean ok = true;
    for (var write : delivery.writes) {
      try {
        write.join();
      } catch (CompletionException e) {
        log.warn("could not write a job status: {}", e.getCause().toString());
        ok = false;
      }
    }
    return ok;
  }

  // Read once: a handler's limit is asked for on every job, and the catalogue is a list.
  private static Map<String, Duration> timeLimits(Collection<JobHandler> handlers) {
    return handlers.stream().collect(Collectors.toMap(JobHandler::type, JobHandler::timeLimit));
  }

  private static JobStatus status(Job job, State state, int attempts, Instant started) {
    return new JobStatus(
        job.id().toString(),
        job.queue(),
        job.type(),
        state,
        attempts,
        null,
        job.submittedAt(),
        job.runAt(),
        started,
        null);
  }
}
