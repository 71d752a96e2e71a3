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
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds jobs until their {@code runAt}, then sends each to its lane.
 *
 * <p>A job from the scheduled topic that is due already goes to its lane at once; any other is put
 * in the schedule store under {@link ScheduleKeys}. A wall-clock punctuator scans the store from
 * its start for the jobs due by now, forwards them and deletes them. Exactly-once: the store's
 * changelog, the forwarded jobs and the consumed offsets commit in one Kafka transaction, so a
 * crash neither loses a job nor sends it twice, and a restarted scheduler rebuilds the store from
 * its changelog and goes on. Wall-clock time, not stream time: a job must leave on time even when
 * no new record arrives.
 */
final class JobScheduler implements Processor<String, byte[], String, Object> {

  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

  // Bounds one punctuation, so a backlog of due jobs cannot hold a transaction open for long;
  // the rest leave on the next tick.
  private static final int MOST_PER_TICK = 5_000;

  private final Duration tick;
  private final ScheduledJobs scheduled;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, Job> store;

  JobScheduler(Duration tick, ScheduledJobs scheduled) {
    this.tick = tick;
    this.scheduled = scheduled;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(JobSchedulerTopology.STORE);
    scheduled.track(context.taskId(), store);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::release);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    try (LogContext logContext =
        LogContext.of(source.topic(), source.partition(), source.offset())
            .with(LogFields.KEY, record.key())) {
      Job job = read(record, source);
      if (job != null) {
        logContext.with(LogFields.JOB_ID, job.id().toString());
        hold(job);
      }
    }
  }

  private Job read(Record<String, byte[]> record, RecordMetadata source) {
    if (record.value() == null) {
      deadLetter(record, source, "the record has no value");
      return null;
    }
    try {
      return Json.read(record.value(), Job.class);
    } catch (SchemaViolation e) {
      String where = e.field().isEmpty() ? "" : " at '" + e.field() + "'";
      deadLetter(record, source, "not a valid job" + where + ": " + e.getMessage());
      return null;
    }
  }

  private void hold(Job job) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (job.isDueBy(now)) {
      forward(job, now.toEpochMilli());
    } else {
      store.put(ScheduleKeys.of(job), job);
      log.debug("job {} attempt {} held until {}", job.type(), job.attempt(), job.runAt());
    }
  }

  private void release(long wallClockMillis) {
    List<String> sent = new ArrayList<>();
    String dueBy = ScheduleKeys.dueBy(Instant.ofEpochMilli(wallClockMillis));
    try (KeyValueIterator<String, Job> due = store.range(null, dueBy)) {
      while (due.hasNext() && sent.size() < MOST_PER_TICK) {
        KeyValue<String, Job> entry = due.next();
        forward(entry.value, wallClockMillis);
        sent.add(entry.key);
      }
    }
    sent.forEach(store::delete);
    if (!sent.isEmpty()) {
      log.debug("released {} due jobs", sent.size());
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
