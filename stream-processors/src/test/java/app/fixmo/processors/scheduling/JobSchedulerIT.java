package app.fixmo.processors.scheduling;

import static app.fixmo.processors.scheduling.SchedulerRig.createTopics;
import static app.fixmo.processors.scheduling.SchedulerRig.held;
import static app.fixmo.processors.scheduling.SchedulerRig.job;
import static app.fixmo.processors.scheduling.SchedulerRig.start;
import static app.fixmo.processors.scheduling.SchedulerRig.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TopicProbe;
import app.fixmo.testkit.WithKafkaAndRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** The scheduler on a real broker, exactly-once, across a restart that loses its local state. */
@WithKafkaAndRedis
class JobSchedulerIT {

  @Test
  void jobHeldAcrossARestartWithoutLocalStateLeavesOnTime(KafkaBroker broker, TopicProbe probe)
      throws Exception {
    createTopics(probe);
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
}
