package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.RetryPolicy;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.jobs.TestJobs.Effects;
import app.fixmo.workers.jobs.TestJobs.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job workers on a real broker and Redis, without the scheduler (see the system tests). */
@WithKafkaAndRedis
class JobWorkersIT {

  private static final RetryPolicy THREE_TRIES =
      new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(10));
  private static final String STALL = "test.stall";

  private final Effects effects = new Effects();
  private final Recorder recorder = new Recorder();
  private JobsFixture jobs;

  @BeforeEach
  void createTopics(KafkaBroker broker, RedisInstance redis, TestNamespace namespace) {
    jobs = JobsFixture.create(broker, redis, namespace);
  }

  @AfterEach
  void stop() {
    jobs.close();
  }

  @Test
  void rawJsonJobFromAPlainKafkaProducerRuns() throws Exception {
    startDefaultLane(1);
    String id = Ids.newText();
    String json =
        """
        {"id": "%s", "queue": "default", "type": "test.record", "payload": {"note": "hi"},
         "attempt": 1, "submittedBy": "billing", "submittedAt": "%s", "schemaVersion": 1,
         "requestId": "billing-run-7"}
        """
            .formatted(id, Instant.now());

    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, jobs.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(jobs.name(Topics.JOBS_DEFAULT), id, json)).get();
    }

    JobStatus status = jobs.awaitState(id, State.SUCCEEDED);
    assertThat(status.attempts()).isEqualTo(1);
    assertThat(status.startedAt()).isNotNull();
    assertThat(status.finishedAt()).isAfterOrEqualTo(status.startedAt());
    assertThat(effects.all()).containsOnlyKeys(id);
    assertThat(counter("fixmo.jobs.succeeded", "default", TestJobs.RECORD)).isEqualTo(1);
    assertThat(counter("fixmo.jobs.submitted", "default", TestJobs.RECORD)).isEqualTo(1);
  }

  @Test
  void failedAttemptIsAcceptedAndItsNextAttemptWaitsOnTheScheduledTopic() {
    startDefaultLane(1);
    Job flaky = TestJobs.job("default", JobTypes.DIAGNOSTICS_FLAKY, Map.of("failTimes", 1));

    jobs.produce(flaky);

    Job next = Json.read(jobs.awaitRecords(Topics.JOBS_SCHEDULED, 1).get(0).value(), Job.class);
    JobStatus status = jobs.awaitState(flaky, State.RETRYING);
    assertThat(next.id()).isEqualTo(flaky.id());
    assertThat(next.attempt()).isEqualTo(2);
    assertThat(Duration.between(status.startedAt(), next.runAt()))
        .isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    assertThat(status.runAt()).isEqualTo(next.runAt());
    assertThat(status.lastError()).contains("planned failure 1 of 1");
    assertThat(counter("fixmo.jobs.retried", "default", JobTypes.DIAGNOSTICS_FLAKY)).isEqualTo(1);
  }

  @Test
  void lastFailedAttemptGoesToTheDeadLetterTopicAndTheStatusSaysDead() {
    startDefaultLane(1);
    Job third =
        TestJobs.job("default", JobTypes.DIAGNOSTICS_FLAKY, Map.of("failTimes", 5))
            .nextAttempt(null)
            .nextAttempt(null);

    jobs.produce(third);

    ConsumerRecord<String, String> letter = jobs.awaitRecords(Topics.JOBS_DEAD, 1).get(0);
    DeadJob dead = Json.read(letter.value(), DeadJob.class);
    assertThat(letter.key()).isEqualTo(third.id().toString());
    assertThat(dead.reason()).isEqualTo(DeadJob.Reason.ATTEMPTS_EXHAUSTED);
    assertThat(dead.error()).contains("planned failure 3 of 5");
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.sourceTopic()).isEqualTo(jobs.name(Topics.JOBS_DEFAULT));
    assertThat(Json.read(dead.record(), Job.class)).isEqualTo(third);
    JobStatus status = jobs.awaitState(third, State.DEAD);
    assertThat(status.lastError()).isEqualTo(dead.error());
    assertThat(status.finishedAt()).isNotNull();
  }

  @Test
  void malformedRecordsAreDeadLetteredAndTheJobBehindThemStillRuns() {
    startDefaultLane(1);
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, '{'};
    byte[] badAttempt =
        Json.toBytes(Map.of("id", "bad-1", "queue", "default", "type", "test.record"));
    Job good = TestJobs.job("default", TestJobs.RECORD, Map.of());

    jobs.produce(Topics.JOBS_DEFAULT, "same-partition", notUtf8);
    jobs.produce(Topics.JOBS_DEFAULT, "same-partition", badAttempt);
    jobs.produce(Topics.JOBS_DEFAULT, "same-partition", Json.toBytes(good));

    jobs.awaitState(good, State.SUCCEEDED);
    List<DeadJob> dead =
        jobs.awaitRecords(Topics.JOBS_DEAD, 2).stream()
            .map(letter -> Json.read(letter.value(), DeadJob.class))
            .sorted(Comparator.comparingLong(DeadJob::sourceOffset))
            .toList();
    assertThat(dead).extracting(DeadJob::reason).containsOnly(DeadJob.Reason.MALFORMED);
    assertThat(dead.get(0).recordBase64()).isEqualTo(Base64.getEncoder().encodeToString(notUtf8));
    assertThat(dead.get(0).record()).isNull();
    assertThat(dead.get(1).record()).isEqualTo(new String(badAttempt, StandardCharsets.UTF_8));
    assertThat(dead.get(1).jobId()).isEqualTo("bad-1");
    assertThat(dead.get(1).error()).startsWith("not a valid job at '");
    assertThat(dead.get(1).sourceOffset()).isEqualTo(dead.get(0).sourceOffset() + 1);
    assertThat(dead.get(1).sourceTopic()).isEqualTo(jobs.name(Topics.JOBS_DEFAULT));
    assertThat(jobs.status("bad-1")).map(JobStatus::state).contains(State.DEAD);
  }

  @Test
  void jobOfATypeNoWorkerRunsIsDeadLettered() {
    startDefaultLane(1);
    Job unknown = TestJobs.job("default", "reports.quarterly", Map.of());

    jobs.produce(unknown);

    DeadJob dead = Json.read(jobs.awaitRecords(Topics.JOBS_DEAD, 1).get(0).value(), DeadJob.class);
    assertThat(dead.reason()).isEqualTo(DeadJob.Reason.UNKNOWN_TYPE);
    assertThat(dead.error()).isEqualTo("no worker runs job type 'reports.quarterly'");
    assertThat(dead.attempts()).isZero();
    assertThat(jobs.awaitState(unknown, State.DEAD).lastError()).isEqualTo(dead.error());
  }

  @Test
  void payloadItsTypeRefusesIsDeadLetteredAtTheFirstAttemptNamingTheField() {
    startDefaultLane(1);
    Job refused = TestJobs.job("default", JobTypes.DIAGNOSTICS_FLAKY, Map.of("failTimes", -1));

    jobs.produce(refused);

    DeadJob dead = Json.read(jobs.awaitRecords(Topics.JOBS_DEAD, 1).get(0).value(), DeadJob.class);
    assertThat(dead.reason()).isEqualTo(DeadJob.Reason.REJECTED);
    assertThat(dead.attempts()).isEqualTo(1);
    assertThat(dead.error()).contains("at 'payload.failTimes'");
    assertThat(jobs.awaitState(refused, State.DEAD).attempts()).isEqualTo(1);
  }

  @Test
  void jobNotYetDueIsHandedToTheScheduler() {
    startDefaultLane(1);
    Instant later = Instant.now().plus(Duration.ofHours(1));
    Job job = TestJobs.job("default", TestJobs.RECORD, Map.of()).nextAttempt(later);

    jobs.produce(job);

    Job held = Json.read(jobs.awaitRecords(Topics.JOBS_SCHEDULED, 1).get(0).value(), Job.class);
    assertThat(held).isEqualTo(job);
    JobStatus status = jobs.awaitState(job, State.SCHEDULED);
    assertThat(status.runAt()).isEqualTo(later);
    assertThat(status.attempts()).isEqualTo(1);
    assertThat(effects.of(job)).isZero();
  }

  @Test
  void redeliveredRecordOfAJobAlreadyDoneIsAcknowledgedWithoutRunning() {
    startDefaultLane(1);
    Job job = TestJobs.job("default", TestJobs.RECORD, Map.of());

    jobs.produce(job);
    recorder.await(job, Settlement.SUCCEEDED);
    jobs.produce(job);

    recorder.await(job, Settlement.DUPLICATE);
    assertThat(effects.of(job)).isEqualTo(1);
    assertThat(counter("fixmo.jobs.duplicates", "default", TestJobs.RECORD)).isEqualTo(1);
  }

  @Test
  void jobWhoseWorkerDiedAfterTheEffectBeforeTheAcknowledgementRunsOnce() {
    Job job = TestJobs.job("default", TestJobs.RECORD, Map.of());
    Recorder survivor = new Recorder();
    JobListener dying =
        (settled, settlement, at) -> {
          recorder.settled(settled, settlement, at);
          throw new SimulatedCrash();
        };
    jobs.start(handlers(), List.of(Lane.of("default", 1)), dying);

    jobs.produce(job);
    recorder.await(job, Settlement.SUCCEEDED);
    jobs.start(handlers(), List.of(Lane.of("default", 1)), survivor);

    survivor.await(job, Settlement.DUPLICATE);
    assertThat(effects.of(job)).isEqualTo(1);
    assertThat(jobs.status(job.id().toString())).map(JobStatus::state).contains(State.SUCCEEDED);
  }

  @Test
  void attemptPastItsTimeLimitFailsAndTheJobBehindItDoesNotWaitForIt() {
    List<JobHandler> handlers =
        List.of(TestJobs.recording(effects), stallingOnFirstAttempt(Duration.ofMillis(500)));
    jobs.start(handlers, List.of(Lane.of("default", 1)), recorder);
    Job stalling = TestJobs.job("default", STALL, Map.of());
    Job behind = TestJobs.job("default", TestJobs.RECORD, Map.of());

    jobs.produce(stalling);
    jobs.produce(behind);

    JobStatus failed = jobs.awaitState(stalling, State.RETRYING);
    TestJobs.Heard ranBehind = recorder.await(behind, Settlement.SUCCEEDED);
    Job next = Json.read(jobs.awaitRecords(Topics.JOBS_SCHEDULED, 1).get(0).value(), Job.class);
    assertThat(failed.lastError())
        .isEqualTo("ran past its time limit of 500 ms and was interrupted");
    assertThat(Duration.between(behind.submittedAt(), ranBehind.at()))
        .isLessThan(Duration.ofSeconds(5));
    assertThat(next.id()).isEqualTo(stalling.id());
    assertThat(next.attempt()).isEqualTo(2);
    // The interrupted handler threw as it woke; that must not count as a second failure.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> counter("fixmo.jobs.retried", "default", STALL) == 1);
  }

  @Test
  void typeWhoseTimeLimitOutlastsHalfTheRecordLockIsRefusedAtStart() {
    JobHandler tooPatient = stallingOnFirstAttempt(Duration.ofSeconds(15));

    assertThatThrownBy(() -> jobs.start(List.of(tooPatient), List.of(), recorder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time limit of test.stall is PT15S; the longest a worker allows is PT14S");
  }

  @Test
  void twoWorkersShareOneQueueAndEachJobRunsOnce() {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    jobs.start(handlers(), List.of(Lane.of("default", 1)), first);
    jobs.start(handlers(), List.of(Lane.of("default", 1)), second);
    AtomicInteger produced = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              jobs.produce(TestJobs.job("default", TestJobs.RECORD, Map.of()));
              produced.incrementAndGet();
              return succeeded(first) > 0 && succeeded(second) > 0;
            });

    for (int i = 0; i < 500; i++) {
      Job job = TestJobs.job("default", TestJobs.RECORD, Map.of());
      jobs.produceLater(Topics.JOBS_DEFAULT, job.id().toString(), Json.toBytes(job));
    }
    jobs.flush();

    int total = produced.get() + 500;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> succeeded(first) + succeeded(second) == total);
    assertThat(effects.all()).hasSize(total);
    assertThat(effects.all().values()).allMatch(count -> count.get() == 1);
  }

  private static long succeeded(Recorder recorder) {
    return recorder.count(TestJobs.RECORD, Settlement.SUCCEEDED);
  }

  @Test
  void floodOfBulkJobsDoesNotDelayACriticalJob() {
    List<JobHandler> handlers =
        List.of(TestJobs.recording(effects), TestJobs.busy(Duration.ofMillis(1)));
    JobWorkers workers = jobs.start(handlers, Lane.fromConfig(jobs.config()), recorder);
    Job warmUp = TestJobs.job("critical", TestJobs.RECORD, Map.of());
    jobs.produce(warmUp);
    recorder.await(warmUp, Settlement.SUCCEEDED);

    for (int i = 0; i < 10_000; i++) {
      Job bulk = TestJobs.job("bulk", TestJobs.WORK, Map.of());
      jobs.produceLater(Topics.JOBS_BULK, bulk.id().toString(), Json.toBytes(bulk));
    }
    jobs.flush();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> recorder.count(TestJobs.WORK, Settlement.SUCCEEDED) > 100);
    Job critical = TestJobs.job("critical", TestJobs.RECORD, Map.of());
    jobs.produce(critical);

    TestJobs.Heard done = recorder.await(critical, Settlement.SUCCEEDED);
    assertThat(Duration.between(critical.submittedAt(), done.at()))
        .isLessThan(Duration.ofSeconds(1));
    assertThat(recorder.count(TestJobs.WORK, Settlement.SUCCEEDED)).isLessThan(10_000);
    await().atMost(Duration.ofSeconds(15)).until(() -> gauge("fixmo.jobs.backlog", "bulk") > 0);

    long stopStarted = System.nanoTime();
    workers.close();
    assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(Duration.ofSeconds(5));
  }

  private void startDefaultLane(int consumers) {
    jobs.start(handlers(), List.of(Lane.of("default", consumers)), recorder);
  }

  private List<JobHandler> handlers() {
    return List.of(
        TestJobs.recording(effects), new NoopJobHandler(), new FlakyJobHandler(THREE_TRIES));
  }

  private double counter(String name, String queue, String type) {
    var counter = jobs.registry().find(name).tags("queue", queue, "type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name, String queue) {
    var gauge = jobs.registry().find(name).tags("queue", queue).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  // Its first attempt sleeps for longer than any test waits; the interrupt at the limit ends it.
  private static JobHandler stallingOnFirstAttempt(Duration limit) {
    return new JobHandler() {
      @Override
      public String type() {
        return STALL;
      }

      @Override
      public Duration timeLimit() {
        return limit;
      }

      @Override
      public void handle(Job job) throws InterruptedException {
        if (job.attempt() == 1) {
          Thread.sleep(Duration.ofMinutes(1));
        }
      }
    };
  }

  /** Stands for a worker process dying: an error no worker code catches. */
  private static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;
  }
}
