package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.system.JobsRig.Heard;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.jobs.Settlement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retries through the whole loop, with the diagnostic types and their dev policy (waits of about 1,
 * 2, 4 and 8 s, five attempts): worker, scheduled topic, scheduler, lane, worker again.
 */
@WithKafkaAndRedis
class JobsRetryIT {

  private static JobsRig rig;

  @BeforeAll
  static void start(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    rig = JobsRig.start(broker, redis, namespace);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void jobThatFailsTwiceRunsThreeTimesWithGrowingGaps() {
    String id = rig.submit("default", "diagnostics.flaky", "{\"failTimes\": 2}", null);

    List<Heard> heard = rig.await(id, Settlement.SUCCEEDED, Duration.ofSeconds(30));

    assertThat(heard)
        .extracting(Heard::settlement)
        .containsExactly(Settlement.RETRYING, Settlement.RETRYING, Settlement.SUCCEEDED);
    Duration firstGap = Duration.between(heard.get(0).at(), heard.get(1).at());
    Duration secondGap = Duration.between(heard.get(1).at(), heard.get(2).at());
    assertThat(firstGap).isGreaterThanOrEqualTo(Duration.ofMillis(750));
    assertThat(secondGap).isGreaterThan(firstGap);
    JobStatus status = rig.status(id).orElseThrow();
    assertThat(status.state()).isEqualTo(JobStatus.State.SUCCEEDED);
    assertThat(status.attempts()).isEqualTo(3);
    assertThat(status.lastError()).contains("planned failure 2 of 2");
  }

  @Test
  void jobThatAlwaysFailsEndsDeadInTheDeadLetterTopicWithItsReason() {
    String id = rig.submit("bulk", "diagnostics.flaky", "{\"failTimes\": 100}", null);

    List<Heard> heard = rig.await(id, Settlement.DEAD, Duration.ofSeconds(60));

    assertThat(heard)
        .extracting(Heard::settlement)
        .containsSubsequence(
            Settlement.RETRYING,
            Settlement.RETRYING,
            Settlement.RETRYING,
            Settlement.RETRYING,
            Settlement.DEAD);
    DeadJob dead = Json.read(rig.awaitRecord(Topics.JOBS_DEAD, id).value(), DeadJob.class);
    assertThat(dead.reason()).isEqualTo(DeadJob.Reason.ATTEMPTS_EXHAUSTED);
    assertThat(dead.attempts()).isEqualTo(5);
    assertThat(dead.error()).contains("planned failure 5 of 100");
    assertThat(dead.sourceTopic()).endsWith("fixmo.jobs.bulk");
    JobStatus status = rig.status(id).orElseThrow();
    assertThat(status.state()).isEqualTo(JobStatus.State.DEAD);
    assertThat(status.lastError()).isEqualTo(dead.error());
  }
}
