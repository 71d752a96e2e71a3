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

/**
 * Withdrawing a held job on a real broker: the index that finds a job by id comes back from its
 * changelog after a restart that loses the local state, like the schedule itself.
 */
@WithKafkaAndRedis
class JobWithdrawalIT {

  @Test
  void tombstoneAfterARestartWithoutLocalStateStillWithdrawsTheHeldJob(
      KafkaBroker broker, TopicProbe probe) throws Exception {
    createTopics(probe);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KafkaStreams first = start(broker, probe, registry);
    Job withdrawn = job(Instant.now().plusSeconds(12));
    Job kept = job(withdrawn.runAt().plusSeconds(1));

    probe.send(Topics.JOBS_SCHEDULED, withdrawn.id().toString(), withdrawn);
    probe.send(Topics.JOBS_SCHEDULED, kept.id().toString(), kept);
    await().atMost(Duration.ofSeconds(10)).until(() -> held(registry) >= 2);
    stop(first);
    KafkaStreams second = start(broker, probe, new SimpleMeterRegistry());

    try {
      probe.send(Topics.JOBS_SCHEDULED, withdrawn.id().toString(), null);
      assertThat(Instant.now()).as("withdrawn before its runAt").isBefore(withdrawn.runAt());
      // The kept job is due after the withdrawn one: once it is out, the other would be too.
      List<ConsumerRecord<String, Job>> released =
          probe.awaitRecords(Topics.JOBS_DEFAULT, 1, Duration.ofSeconds(30));
      assertThat(released).extracting(ConsumerRecord::value).containsExactly(kept);
    } finally {
      stop(second);
    }
  }
}
