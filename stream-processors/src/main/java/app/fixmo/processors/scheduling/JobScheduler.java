package app.fixmo.processors.scheduling;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.DeadLetters;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds jobs until their {@code runAt}, then sends each to its lane; withdraws a held job when a
 * tombstone names it.
 *
 * <p>A job from the scheduled topic that is due already goes to its lane at once; any other is held
 * in {@link HeldJobs} under {@link ScheduleKeys}, replacing a copy of the same id held before. A
 * wall-clock punctuator scans the schedule from its start for the jobs due by now, forwards them
 * and takes them out. A record with a null value (a tombstone) keyed by a job id takes that job out
 * unsent; for a job not held (unknown, or released already) it does nothing. Exactly-once: the
 * stores' changelogs, the forwarded jobs and the consumed offsets commit in one Kafka transaction,
 * so a crash neither loses a job nor sends it twice, nor sends a withdrawn one, and a restarted
 * scheduler rebuilds its stores from their changelogs and goes on. Wall-clock time, not stream
 * time: a job must leave on time even when no new record arrives.
 *
 * <p>Warning: a withdrawal only reaches a job while it waits here. A tombstone that comes while the
 * job is in a lane or running does nothing, and a retry the worker schedules afterwards is held and
 * run as usual.
 */
final class JobScheduler implements Processor<String, byte[], String, Object> {

  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

  // Bounds one punctuation, so a backlog of due jobs cannot hold a transaction open for long;
  // the rest leave on the next tick.
  private static final int MOST_PER_TICK = 5_000;

  private final Duration tick;
  private final ScheduledJobs scheduled;
  private ProcessorContext<String, Object> context;
  private HeldJobs held;

  JobScheduler(Duration tick, ScheduledJobs scheduled) {
    this.tick = tick;
    this.scheduled = scheduled;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    KeyValueStore<String, Job> schedule = context.getStateStore(JobSchedulerTopology.STORE);
    this.held = new HeldJobs(schedule, context.getStateStore(JobSchedulerTopology.INDEX_STORE));
    scheduled.track(context.taskId(), schedule);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::release);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    try (LogContext logContext =
        LogContext.of(source.topic(), source.partition(), source.offset())
            .with(LogFields.KEY, record.key())) {
      if (record.value() == null) {
        logContext.with(LogFields.JOB_ID, record.key());
        withdraw(record, source);
        return;
      }
      Job job = read(record, source);
      if (job != null) {
        logContext.with(LogFields.JOB_ID, job.id().toString());
        hold(job);
      }
    }
  }

  private void withdraw(Record<String, byte[]> record, RecordMetadata source) {
    if (record.key() == null) {
      deadLetter(record, source, "a tombstone without a key names no job to withdraw");
      return;
    }
    Optional<Job> withdrawn = held.remove(record.key());
    if (withdrawn.isEmpty()) {
      log.debug("no job held under this id; nothing to withdraw");
      return;
    }
    Job job = withdrawn.get();
    log.info("withdrew job {} attempt {} held until {}", job.type(), job.attempt(), job.runAt());
  }

  private Job read(Record<String, byte[]> record, RecordMetadata source) {
    try {
      return Json.read(record.value(), Job.class);
    } catch (SchemaViolation e) {
      String where = e.field().isEmpty() ? "" : " at '" + e.field() + "'";
      deadLetter(record, source, "not a valid job" + where + ": " + e.getMessage());
      return null;
    }
  }

  private void hold(Job job) {
    // The newest record of a job id wins: a copy held before must not leave as well.
    Optional<Job> earlier = held.remove(job.id().toString());
    if (earlier.isPresent()) {
      log.debug(
          "replaced attempt {} held until {}", earlier.get().attempt(), earlier.get().runAt());
    }

    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (job.isDueBy(now)) {
      forward(job, now.toEpochMilli());
    } else {
      held.hold(job);
      log.debug("job {} attempt {} held until {}", job.type(), job.attempt(), job.runAt());
    }
  }

  private void release(long wallClockMillis) {
    List<Job> due = held.takeDue(Instant.ofEpochMilli(wallClockMillis), MOST_PER_TICK);
    due.forEach(job -> forward(job, wallClockMillis));
    if (!due.isEmpty()) {
      log.debug("released {} due jobs", due.size());
    }
  }

  private void forward(Job job, long timestamp) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, job.type(), job.requestId(), job.traceparent());
    context.forward(
        new Record<>(job.id().toString(), job, timestamp, headers),
        JobSchedulerTopology.laneSink(job.queue()));
  }

  private void deadLetter(Record<String, byte[]> record, RecordMetadata source, String error) {
    log.warn("scheduled job record unreadable; dead-lettering it: {}", error);
    DeadJob dead =
        new DeadLetters(source.topic(), source.partition(), source.offset(), record.key())
            .ofUnreadable(
                record.value(), error, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    String key = source.topic() + "/" + source.partition() + "/" + source.offset();
    Headers headers = new RecordHeaders();
    String requestId = KafkaHeaders.read(record.headers(), KafkaHeaders.REQUEST_ID);
    KafkaHeaders.stamp(headers, "job.dead", requestId, null);
    context.forward(
        new Record<>(dead.jobId() != null ? dead.jobId() : key, dead, record.timestamp(), headers),
        JobSchedulerTopology.DEAD_SINK);
  }

  @Override
  public void close() {
    if (context != null) {
      scheduled.forget(context.taskId());
    }
  }
}
