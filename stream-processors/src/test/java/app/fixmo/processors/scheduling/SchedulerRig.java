package app.fixmo.processors.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** Starts and stops the scheduler alone on a real broker, as the processors service would. */
final class SchedulerRig {

  private SchedulerRig() {}

  /** Creates the scheduled, lane and dead-letter topics in the probe's namespace. */
  static void createTopics(TopicProbe probe) {
    probe.createTopics(
        List.of(
            Topics.JOBS_SCHEDULED,
            Topics.JOBS_CRITICAL,
            Topics.JOBS_DEFAULT,
            Topics.JOBS_BULK,
            Topics.JOBS_DEAD));
  }

  /**
   * Starts the scheduler, exactly-once, with an empty state directory of its own: what it held
   * before must come back from the changelogs.
   */
  static KafkaStreams start(KafkaBroker broker, TopicProbe probe, SimpleMeterRegistry registry)
      throws Exception {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_KAFKA_BOOTSTRAP",
                broker.bootstrapServers(),
                "FIXMO_NAMESPACE",
                probe.namespace().value(),
                "FIXMO_STREAMS_STATE_DIR",
                Files.createTempDirectory("fixmo-scheduler").toString()));
    var props = new KafkaClients(config).streams("job-scheduler-test");
    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    Topology topology =
        JobSchedulerTopology.addTo(new Topology(), probe.namespace().value(), registry);
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return streams;
  }

  /** Stops as the processors service does: leaving the group, so the next instance takes over. */
  static void stop(KafkaStreams streams) {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /** Returns about how many jobs the scheduler holds, from its backlog gauge. */
  static double held(SimpleMeterRegistry registry) {
    return registry.get("fixmo.jobs.backlog").tag("queue", "scheduled").gauge().value();
  }

  /** Returns a job of the default lane that may run from {@code runAt}, submitted now. */
  static Job job(Instant runAt) {
    return job("default", runAt, Instant.now());
  }

  /** Returns a noop job of a lane that may run from {@code runAt}. */
  static Job job(String queue, Instant runAt, Instant submittedAt) {
    return new Job(
        Ids.newId(),
        queue,
        "diagnostics.noop",
        Json.tree("{}"),
        1,
        runAt,
        null,
        "test",
        submittedAt,
        Job.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        null);
  }
}
