package app.fixmo.processors.deciding;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Envelope;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
 * Feeds one aggregate's commands to its {@link Decider}, keeps the state it returns, and forwards
 * every output to its sink.
 *
 * <p>Exactly-once: the store write (through its changelog), the sink records and the command's
 * offset are committed in one Kafka transaction by Kafka Streams, so a reader with {@code
 * read_committed} sees an outcome only together with its events and views, and a crash replays the
 * command against the state as it was before it.
 *
 * <p>A {@link Refreshing} decider also gets its due aggregates refreshed from a wall-clock
 * punctuator, on the same thread as the commands (so never at the same time as one), and its
 * schedule moved along with every state it stores. The punctuation's writes commit in the task's
 * next transaction, like a command's.
 */
final class DecidingProcessor<S> implements Processor<String, Command, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(DecidingProcessor.class);

  private static final Problem INTERNAL =
      Problem.of(500, "internal", "Internal error", "the request could not be decided");

  /** The type header of a tombstone that withdraws a scheduled job; it has no envelope. */
  private static final String WITHDRAWAL_TYPE = "job.withdraw";

  // Bounds one punctuation, so a backlog (after downtime) cannot hold up the commands behind it;
  // the rest is refreshed at the following ticks.
  private static final int MAX_REFRESHES_PER_TICK = 500;

  private final Aggregate<S> aggregate;
  private final Nodes nodes;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Refreshing<S> refreshing;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, S> store;
  private RefreshSchedule schedule;

  DecidingProcessor(Aggregate<S> aggregate, Clock clock, Duration refreshInterval) {
    this.aggregate = aggregate;
    this.nodes = new Nodes(aggregate);
    this.clock = clock;
    this.refreshInterval = refreshInterval;
    this.refreshing = aggregate.refreshing().orElse(null);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(nodes.store());
    if (refreshing != null) {
      this.schedule = new RefreshSchedule(context.getStateStore(nodes.refreshStore()));
      context.schedule(refreshInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> refreshDue());
    }
  }

  @Override
  public void process(Record<String, Command> record) {
    LogContext logContext = logContext(record);
    try {
      if (record.value() == null) {
        log.warn("skipped a command record without a value");
      } else {
        decideAndWrite(record.key(), record.value());
      }
    } finally {
      logContext.close();
    }
  }

  private void decideAndWrite(String key, Command command) {
    Instant now = clock.instant();
    Decision<S> decision = decide(key, command, now);

    decision.newState().ifPresent(state -> keep(key, state));

    write(decision, now.toEpochMilli());
    Outcome outcome = decision.outcome();
    log.info("decided {}: {} {}", command.type(), outcome.state().wireName(), outcome.status());
  }

  private Decision<S> decide(String key, Command command, Instant now) {
    // The store is partitioned by record key: a command keyed elsewhere would be decided
    // against another aggregate's state, or none.
    if (!command.key().equals(key)) {
      return Decision.rejected(command, misrouted(key), now);
    }
    try {
      Optional<S> current = Optional.ofNullable(store.get(key));
      return aggregate.decider().decide(command, current, now);
    } catch (RuntimeException e) {
      log.error("could not decide {}; answering 500", command.type(), e);
      return Decision.rejected(command, INTERNAL, now);
    }
  }

  /** Stores a state, moving its refresh schedule along when the decider is refreshing. */
  private void keep(String key, S state) {
    if (schedule != null) {
      Optional<S> before = Optional.ofNullable(store.get(key));
      schedule.move(key, before.flatMap(this::nextRefresh), nextRefresh(state));
    }
    store.put(key, state);
  }

  private Optional<Instant> nextRefresh(S state) {
    try {
      return refreshing.nextRefresh(state);
    } catch (RuntimeException e) {
      log.error("could not schedule the next refresh; views stay as they are", e);
      return Optional.empty();
    }
  }

  private void refreshDue() {
    Instant now = clock.instant();
    for (RefreshSchedule.Due due : schedule.due(now, MAX_REFRESHES_PER_TICK)) {
      schedule.remove(due);
      try (LogContext logContext = LogContext.empty().with(LogFields.KEY, due.key())) {
        refresh(due.key(), now);
      } catch (RuntimeException e) {
        log.error("could not refresh; its views stay as they are until its next change", e);
      }
    }
  }

  private void refresh(String key, Instant now) {
    S state = store.get(key);
    if (state == null) {
      return;
    }
    Optional<Instant> next = nextRefresh(state);
    if (next.isEmpty() || next.get().isAfter(now)) {
      // An entry an earlier rule left behind: keep the one the state asks for, refresh nothing.
      schedule.move(key, Optional.empty(), next);
      return;
    }

    Refresh<S> refresh = refreshing.refresh(key, state, now);
    // Put the next entry even when it equals the one just taken, so that a refresh leaving the
    // state due (against the contract) is tried again at the next tick rather than forgotten.
    schedule.move(key, next, Optional.empty());
    schedule.move(key, Optional.empty(), nextRefresh(refresh.state()));
    store.put(key, refresh.state());

    for (ViewDocument view : refresh.views()) {
      send(nodes.views(), view.key(), view, stamped(view, null), now.toEpochMilli());
    }
    log.debug("refreshed with {} view documents", refresh.views().size());
  }

  private static Problem misrouted(String key) {
    return Problem.invalidField("key", "must equal the Kafka record key '" + key + "'");
  }

  private void write(Decision<S> decision, long timestamp) {
    Outcome outcome = decision.outcome();
    for (var event : decision.events()) {
      send(nodes.events(), event.key(), event, stamped(event), timestamp);
    }
    for (var view : decision.views()) {
      send(nodes.views(), view.key(), view, stamped(view, outcome.traceparent()), timestamp);
    }
    // Withdrawals first, so that a decision may withdraw a waiting job and schedule it anew.
    for (UUID jobId : decision.withdrawnJobs()) {
      Headers headers = withdrawal(outcome);
      send(nodes.scheduledJobs(), jobId.toString(), null, headers, timestamp);
    }
    for (var job : decision.jobs()) {
      send(jobSink(job), job.id().toString(), job, stamped(job), timestamp);
    }
    send(nodes.outcomes(), outcome.requestId(), outcome, stamped(outcome), timestamp);
  }

  /** Returns the sink of a job: the scheduler holds any job with a runAt, even a past one. */
  private String jobSink(Job job) {
    return job.runAt() == null ? nodes.jobs(job.queue()) : nodes.scheduledJobs();
  }

  private void send(String sink, String key, Object value, Headers headers, long timestamp) {
    context.forward(new Record<>(key, value, timestamp, headers), sink);
  }

  private static Headers stamped(Envelope envelope) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, envelope.type(), envelope.requestId(), envelope.traceparent());
    return headers;
  }

  private static Headers withdrawal(Outcome outcome) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, WITHDRAWAL_TYPE, outcome.requestId(), outcome.traceparent());
    return headers;
  }

  private static Headers stamped(ViewDocument view, String traceparent) {
    // A view is no envelope and has no type of its own; naming the view lets an operator
    // filter the views topic by kind without reading values.
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, "view." + view.view(), view.requestId(), traceparent);
    return headers;
  }

  private LogContext logContext(Record<String, Command> record) {
    Optional<RecordMetadata> metadata = context.recordMetadata();
    LogContext logContext =
        metadata
            .map(m -> LogContext.of(m.topic(), m.partition(), m.offset()))
            .orElseGet(LogContext::empty);
    String requestId = record.value() == null ? null : record.value().requestId();
    return logContext.with(LogFields.KEY, record.key()).with(LogFields.REQUEST_ID, requestId);
  }
}
