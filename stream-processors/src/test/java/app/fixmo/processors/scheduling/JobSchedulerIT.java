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
import app.fixmo.testkit.WithKafkaAndRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** The scheduler on a real broker, exactly-once, across a restart that loses its local state. */
@WithKafkaAndRedis
class JobSchedulerIT {

  @Test
  void jobHeldAcrossARestartWithoutLocalStateLeavesOnTime(KafkaBroker broker, TopicProbe probe)
      throws Exception {
    probe.createTopics(
        List.of(
            Topics.JOBS_SCHEDULED,
            Topics.JOBS_CRITICAL,
            Topics.JOBS_DEFAULT,
            Topics.JOBS_BULK,
            Topics.JOBS_DEAD));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KafkaStreams first = start(broker, probe, registry);
    Job job = job(Instant.now().plusSeconds(12));

    probe.send(Topics.JOBS_SCHEDULED, job.id().toString(), job);
    await().atMost(Duration.ofSeconds(10)).until(() -> held(registry) > 0);
    stop(first);
    KafkaStreams second = start(broker, probe, new SimpleMeterRegistry());

    try {
      assertThat(Instant.now()).as("restarted before the runAt").isBefore(job.runAt());
      List<ConsumerRecord<String, Job>> released =
          probe.awaitRecords(Topics.JOBS_DEFAULT, 1, Duration.ofSeconds(30));
      assertThat(released).extracting(ConsumerRecord::value).containsExactly(job);
      long lateMillis = released.get(0).timestamp() - job.runAt().toEpochMilli();
      assertThat(lateMillis).isBetween(0L, 1_000L);
    } finally {
      stop(second);
    }
  }

  // As the processors service stops: leaving the group, so the next instance takes over at once.
  private static void stop(KafkaStreams streams) {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  private static double held(SimpleMeterRegistry registry) {
    return registry.get("fixmo.jobs.backlog").tag("queue", "scheduled").gauge().value();
  }

  // Each start gets an empty state directory: the schedule must come back from the changelog.
  private static KafkaStreams start(
      KafkaBroker broker, TopicProbe probe, SimpleMeterRegistry registry) throws Exception {
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

  private static Job job(Instant runAt) {
    return new Job(
        Ids.newId(),
        "default",
        "diagnostics.noop",
        Json.tree("{}"),
        1,
        runAt,
        null,
        "test",
        Instant.now(),
        Job.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        null);
  }
}
