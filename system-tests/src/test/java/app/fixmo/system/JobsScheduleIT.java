package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.jobs.Settlement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs with a runAt: held by the scheduler, released on time, also across its restart. */
@WithKafkaAndRedis
class JobsScheduleIT {

  private static final Duration ON_TIME = Duration.ofSeconds(1);

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
  void jobWithARunAtRunsOnTime() {
    Instant runAt = Instant.now().plusSeconds(4);

    String id = rig.submit("critical", "diagnostics.noop", "{}", runAt);

    rig.await(id, Settlement.SUCCEEDED, Duration.ofSeconds(30));
    JobStatus status = rig.status(id).orElseThrow();
    assertThat(Duration.between(runAt, status.startedAt())).isBetween(Duration.ZERO, ON_TIME);
  }

  @Test
  void jobWithARunAtRunsOnTimeAcrossARestartOfTheScheduler() {
    Instant runAt = Instant.now().plusSeconds(20);
    String id = rig.submit("default", "diagnostics.noop", "{}", runAt);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> rig.status(id).map(JobStatus::state).orElse(null) == JobStatus.State.SCHEDULED);

    rig.stopScheduler();
    rig.startScheduler();

    assertThat(Instant.now()).as("the scheduler is back before the runAt").isBefore(runAt);
    rig.await(id, Settlement.SUCCEEDED, Duration.ofSeconds(40));
    JobStatus status = rig.status(id).orElseThrow();
    assertThat(Duration.between(runAt, status.startedAt())).isBetween(Duration.ZERO, ON_TIME);
    assertThat(rig.heard(id))
        .extracting(JobsRig.Heard::settlement)
        .containsExactly(Settlement.SCHEDULED, Settlement.SUCCEEDED);
  }
}
