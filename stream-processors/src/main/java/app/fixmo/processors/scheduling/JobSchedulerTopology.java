package app.fixmo.processors.scheduling;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.JsonSerde;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The job scheduler, wired with the Processor API:
 *
 * <pre>
 * source job-scheduler-source          fixmo.jobs.scheduled (String key, raw bytes)
 *   processor job-scheduler            with the persistent, logged stores job-schedule
 *                                      (runAt|job id -> job) and job-schedule-index (job id ->
 *                                      runAt|job id)
 *     sink job-scheduler-to-critical   fixmo.jobs.critical
 *     sink job-scheduler-to-default    fixmo.jobs.default
 *     sink job-scheduler-to-bulk       fixmo.jobs.bulk
 *     sink job-scheduler-dead          fixmo.jobs.dead (records that are not jobs)
 * </pre>
 *
 * <p>The source also carries tombstones (null values) keyed by job id, which withdraw a job while
 * it is held; see {@link JobScheduler}.
 *
 * <p>The processor reads raw bytes so that a record that is not a job reaches the dead-letter topic
 * with its bytes, rather than being skipped by the deserialisation handler.
 */
public final class JobSchedulerTopology {

  /** How often the store is scanned for due jobs, unless told otherwise. */
  public static final Duration DEFAULT_TICK = Duration.ofMillis(200);

  static final String SOURCE = "job-scheduler-source";
  static final String PROCESSOR = "job-scheduler";
  static final String STORE = "job-schedule";
  static final String INDEX_STORE = "job-schedule-index";
  static final String DEAD_SINK = "job-scheduler-dead";

  private static final String GAUGE = "fixmo.jobs.backlog";

  private JobSchedulerTopology() {}

  /** Adds the scheduler, releasing jobs within {@link #DEFAULT_TICK} of their runAt. */
  public static Topology addTo(Topology topology, String namespace) {
    return addTo(topology, namespace, DEFAULT_TICK, new ScheduledJobs());
  }

  /**
   * Adds the scheduler and registers {@code fixmo_jobs_backlog{queue="scheduled"}}: about how many
   * jobs this instance holds for later.
   */
  public static Topology addTo(Topology topology, String namespace, MeterRegistry registry) {
    ScheduledJobs scheduled = new ScheduledJobs();
    // A gauge keeps the object it was registered with: replace one left by an earlier instance.
    registry.find(GAUGE).tag("queue", "scheduled").gauges().forEach(registry::remove);
    Gauge.builder(GAUGE, scheduled, ScheduledJobs::count)
        .tag("queue", "scheduled")
        .description("jobs held by the scheduler for a later runAt (RocksDB estimate)")
        .strongReference(true)
        .register(registry);
    return addTo(topology, namespace, DEFAULT_TICK, scheduled);
  }

  /** Adds the scheduler, scanning for due jobs every {@code tick} (tests use a short one). */
  public static Topology addTo(Topology topology, String namespace, Duration tick) {
    return addTo(topology, namespace, tick, new ScheduledJobs());
  }

  private static Topology addTo(
      Topology topology, String namespace, Duration tick, ScheduledJobs scheduled) {
    topology.addSource(
        SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        Topics.JOBS_SCHEDULED.in(namespace));
    topology.addProcessor(PROCESSOR, () -> new JobScheduler(tick, scheduled), SOURCE);
    // Logged (the default): the changelogs restore the schedule and its index after a crash
    // or a move, written in the same transactions so that they always agree.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(Job.class)),
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INDEX_STORE), Serdes.String(), Serdes.String()),
        PROCESSOR);
    addSink(topology, laneSink("critical"), Topics.JOBS_CRITICAL, namespace);
    addSink(topology, laneSink("default"), Topics.JOBS_DEFAULT, namespace);
    addSink(topology, laneSink("bulk"), Topics.JOBS_BULK, namespace);
    addSink(topology, DEAD_SINK, Topics.JOBS_DEAD, namespace);
    return topology;
  }

  /** Returns the name of the sink of a queue's lane. */
  static String laneSink(String queue) {
    return "job-scheduler-to-" + queue;
  }

  private static <V> void addSink(Topology topology, String name, Topic<V> topic, String ns) {
    topology.addSink(
        name,
        topic.in(ns),
        Serdes.String().serializer(),
        topic.valueSerde().serializer(),
        PROCESSOR);
  }
}
