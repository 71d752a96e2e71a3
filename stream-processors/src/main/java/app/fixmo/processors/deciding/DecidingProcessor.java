package app.fixmo.processors.deciding;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Envelope;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 */
final class DecidingProcessor<S> implements Processor<String, Command, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(DecidingProcessor.class);

  private static final Problem INTERNAL =
      Problem.of(500, "internal", "Internal error", "the request could not be decided");

  private final Aggregate<S> aggregate;
  private final Nodes nodes;
  private final Set<String> jobQueues;
  private final Clock clock;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, S> store;

  DecidingProcessor(Aggregate<S> aggregate, Set<String> jobQueues, Clock clock) {
    this.aggregate = aggregate;
    this.nodes = new Nodes(aggregate);
    this.jobQueues = Set.copyOf(jobQueues);
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(nodes.store());
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

    decision.newState().ifPresent(state -> store.put(key, state));

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
      return routable(aggregate.decider().decide(command, current, now));
    } catch (RuntimeException e) {
      log.error("could not decide {}; answering 500", command.type(), e);
      return Decision.rejected(command, INTERNAL, now);
    }
  }

  private static Problem misrouted(String key) {
    return Problem.invalidField("key", "must equal the Kafka record key '" + key + "'");
  }

  private Decision<S> routable(Decision<S> decision) {
    for (var job : decision.jobs()) {
      if (!jobQueues.contains(job.queue())) {
        throw new IllegalStateException(
            "job " + job.type() + " names queue '" + job.queue() + "'; known: " + jobQueues);
      }
    }
    return decision;
  }

  private void write(Decision<S> decision, long timestamp) {
    Outcome outcome = decision.outcome();
    for (var event : decision.events()) {
      send(nodes.events(), event.key(), event, stamped(event), timestamp);
    }
    for (var view : decision.views()) {
      send(nodes.views(), view.key(), view, stamped(view, outcome), timestamp);
    }
    for (var job : decision.jobs()) {
      send(nodes.jobs(job.queue()), job.id().toString(), job, stamped(job), timestamp);
    }
    send(nodes.outcomes(), outcome.requestId(), outcome, stamped(outcome), timestamp);
  }

  private void send(String sink, String key, Object value, Headers headers, long timestamp) {
    context.forward(new Record<>(key, value, timestamp, headers), sink);
  }

  private static Headers stamped(Envelope envelope) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, envelope.type(), envelope.requestId(), envelope.traceparent());
    return headers;
  }

  private static Headers stamped(ViewDocument view, Outcome outcome) {
    // A view is no envelope and has no type of its own; naming the view lets an operator
    // filter the views topic by kind without reading values.
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, "view." + view.view(), view.requestId(), outcome.traceparent());
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
