package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.json.JsonSerde;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires one aggregate into a topology, with the Processor API:
 *
 * <pre>
 * source  {name}-commands          reads its command topic (String key, Command value)
 *   processor {name}-decider       with the persistent key-value store {name}-state
 *     sink {name}-events-sink          its event topic, keyed by event key
 *     sink {name}-outcomes-sink        fixmo.requests.outcomes, keyed by request id
 *     sink {name}-views-sink           fixmo.views, keyed by view/id
 *     sink {name}-jobs-critical-sink   fixmo.jobs.critical, keyed by job id
 *     sink {name}-jobs-default-sink    fixmo.jobs.default, keyed by job id
 *     sink {name}-jobs-bulk-sink       fixmo.jobs.bulk, keyed by job id
 *     sink {name}-jobs-scheduled-sink  fixmo.jobs.scheduled, keyed by job id: jobs with a runAt,
 *                                      and tombstones withdrawing jobs that wait there
 * </pre>
 *
 * <p>A job without a runAt goes to its lane's topic; one with a runAt goes to the scheduled topic,
 * whose scheduler holds it until then (or sends it on at once when that time has passed).
 *
 * <p>When the decider is {@link Refreshing}, the processor also has the persistent store {@code
 * {name}-refresh} (its refresh schedule) and refreshes due aggregates from a wall-clock punctuator.
 */
public final class DecidingTopology {

  /** How often a refreshing aggregate's schedule is checked, unless told otherwise. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(10);

  private DecidingTopology() {}

  /** Adds the aggregate's source, processor, store and sinks, with topics in the namespace. */
  public static <S> Topology addTo(
      Topology topology, Aggregate<S> aggregate, String namespace, Clock clock) {
    return addTo(topology, aggregate, namespace, clock, DEFAULT_REFRESH_INTERVAL);
  }

  /**
   * Adds the aggregate's nodes, checking for due refreshes every {@code refreshInterval} of wall
   * clock time when the decider is {@link Refreshing} (otherwise the interval is unused).
   */
  public static <S> Topology addTo(
      Topology topology,
      Aggregate<S> aggregate,
      String namespace,
      Clock clock,
      Duration refreshInterval) {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException(
          "refreshInterval must be positive, not " + refreshInterval);
    }
    Nodes nodes = new Nodes(aggregate);
    topology.addSource(
        nodes.source(),
        Serdes.String().deserializer(),
        aggregate.commands().valueSerde().deserializer(),
        aggregate.commands().in(namespace));

    topology.addProcessor(
        nodes.decider(),
        () -> new DecidingProcessor<>(aggregate, clock, refreshInterval),
        nodes.source());
    topology.addStateStore(store(aggregate), nodes.decider());
    if (aggregate.refreshing().isPresent()) {
      topology.addStateStore(refreshStore(aggregate), nodes.decider());
    }

    addSink(topology, nodes.events(), aggregate.events(), namespace, nodes);
    addSink(topology, nodes.outcomes(), Topics.REQUEST_OUTCOMES, namespace, nodes);
    addSink(topology, nodes.views(), Topics.VIEWS, namespace, nodes);
    for (String queue : Job.QUEUES) {
      addSink(topology, nodes.jobs(queue), JobLanes.topicOf(queue), namespace, nodes);
    }
    addSink(topology, nodes.scheduledJobs(), Topics.JOBS_SCHEDULED, namespace, nodes);
    return topology;
  }

  private static <S> StoreBuilder<KeyValueStore<String, S>> store(Aggregate<S> aggregate) {
    // Logged (the default): the changelog is what restores the state after a crash or a move
    // to another instance, inside the same transactions as the outputs.
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(aggregate.storeName()),
        Serdes.String(),
        JsonSerde.of(aggregate.stateType()));
  }

  private static StoreBuilder<KeyValueStore<String, String>> refreshStore(Aggregate<?> aggregate) {
    // Logged like the state, in the same transactions, so the schedule always matches it.
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(aggregate.refreshStoreName()),
        Serdes.String(),
        Serdes.String());
  }

  private static void addSink(
      Topology topology, String name, Topic<?> topic, String namespace, Nodes nodes) {
    topology.addSink(
        name,
        topic.in(namespace),
        new StringSerializer(),
        topic.valueSerde().serializer(),
        nodes.decider());
  }
}
