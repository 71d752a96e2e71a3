package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Status writes on a real Redis: only forward, and gathered unless a job is slow. */
@WithKafkaAndRedis
class JobStatusStoreIT {

  private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

  private FixmoConfig config;
  private RedissonClient redis;
  private JobStatusStore store;

  @BeforeEach
  void connect(RedisInstance instance, TestNamespace namespace) {
    config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", instance.url(), "FIXMO_NAMESPACE", namespace.value()));
    redis = RedisClients.create(config);
    store = new JobStatusStore(redis, config);
  }

  @AfterEach
  void disconnect() {
    redis.shutdown();
  }

  @Test
  void lateWriteOfAnEarlierStepNeverMovesAJobBack() {
    String id = "j-late";
    write(status(id, State.RUNNING, 2), false);
    write(status(id, State.RETRYING, 1), false);
    write(status(id, State.QUEUED, 0), false);

    assertThat(read(id)).map(JobStatus::state).contains(State.RUNNING);
    assertThat(read(id)).map(JobStatus::attempts).contains(2);
  }

  @Test
  void nothingChangesAJobMarkedDone() {
    String id = "j-done";
    write(status(id, State.SUCCEEDED, 1), true);

    boolean landed = write(status(id, State.RUNNING, 2), false);

    assertThat(landed).isFalse();
    assertThat(read(id)).map(JobStatus::state).contains(State.SUCCEEDED);
    assertThat(mark(id).done()).isTrue();
  }

  @Test
  void fastJobsRunningStateIsNeverSentOnlyItsEnd() {
    String id = "j-fast";
    StatusWrites writes = new StatusWrites(store);

    CompletableFuture<Boolean> running = writes.write(status(id, State.RUNNING, 1), false);
    CompletableFuture<Boolean> succeeded = writes.write(status(id, State.SUCCEEDED, 1), true);
    writes.afterHandler(Duration.ofMillis(1).toNanos());
    assertThat(read(id)).isEmpty();
    writes.send();

    assertThat(succeeded.join()).isTrue();
    assertThat(running.join()).isFalse();
    assertThat(read(id)).map(JobStatus::state).contains(State.SUCCEEDED);
  }

  @Test
  void slowJobsWritesLeaveWithoutWaitingForTheRest() {
    String id = "j-slow";
    StatusWrites writes = new StatusWrites(store);

    writes.write(status(id, State.SUCCEEDED, 1), true);
    writes.afterHandler(Duration.ofMillis(StatusWrites.GATHER_MILLIS).toNanos());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> read(id).map(JobStatus::state).orElse(null) == State.SUCCEEDED);
  }

  private JobStatusStore.Mark mark(String id) {
    JobStatusStore.Pipeline reads = store.pipeline();
    CompletableFuture<JobStatusStore.Mark> mark = reads.read(id);
    reads.send();
    return mark.join();
  }

  private boolean write(JobStatus status, boolean done) {
    JobStatusStore.Pipeline pipeline = store.pipeline();
    CompletableFuture<Boolean> landed = pipeline.write(status, done);
    pipeline.send();
    return landed.join();
  }

  private Optional<JobStatus> read(String id) {
    String key = RedisClients.key(config, JobStatus.keyName(id));
    return JobStatus.fromFields(
        redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap());
  }

  private static JobStatus status(String id, State state, int attempts) {
    return new JobStatus(id, "default", "t", state, attempts, null, AT, null, AT, null);
  }
}
