package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.deadletters.DeadLetterFilter;
import app.fixmo.workers.deadletters.DeadLetterRedrive;
import app.fixmo.workers.deadletters.DeadLetterRedrive.Outcome;
import app.fixmo.workers.jobs.TestJobs.Effects;
import app.fixmo.workers.jobs.TestJobs.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** An operator re-drives dead jobs once their cause is mended: once each, never a non-job. */
@WithKafkaAndRedis
class DeadLetterRedriveIT {

  private final Effects effects = new Effects();
  private JobsFixture jobs;
  private RedissonClient redis;
  private DeadLetterRedrive redrive;

  @BeforeEach
  void start(KafkaBroker broker, RedisInstance redisInstance, TestNamespace namespace) {
    jobs = JobsFixture.create(broker, redisInstance, namespace);
    redis = RedisClients.create(jobs.config());
    redrive = new DeadLetterRedrive(jobs.config(), redis, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    jobs.close();
    redis.shutdown();
  }

  @Test
  void aDeadJobRunsOnceAfterItsCauseIsMendedAndAMalformedRecordIsOnlyReported() {
    Job job = TestJobs.job("default", TestJobs.RECORD, Map.of("note", "mend me"));
    killBoth(job);

    List<Outcome> dryRun = redrive.redrive(DeadLetterFilter.ALL, true);
    assertThat(dryRun).extracting(Outcome::redriven).containsOnly(false);
    assertThat(noteOf(dryRun, DeadJob.Reason.UNKNOWN_TYPE)).contains("dry run");
    assertThat(noteOf(dryRun, DeadJob.Reason.MALFORMED)).contains("not a job");

    Recorder mended = new Recorder();
    jobs.start(List.of(TestJobs.recording(effects)), List.of(Lane.of("default", 1)), mended);
    List<Outcome> first = redrive.redrive(DeadLetterFilter.ALL, false);

    assertThat(first).filteredOn(Outcome::redriven).hasSize(1);
    mended.await(job, Settlement.SUCCEEDED);
    JobStatus status = jobs.awaitState(job, State.SUCCEEDED);
    assertThat(status.attempts()).isEqualTo(2);
    assertThat(effects.of(job)).isEqualTo(1);

    List<Outcome> second = redrive.redrive(DeadLetterFilter.ALL, false);
    assertThat(second).extracting(Outcome::redriven).containsOnly(false);
    assertThat(noteOf(second, DeadJob.Reason.UNKNOWN_TYPE)).contains("re-driven or ran");
    assertThat(effects.of(job)).isEqualTo(1);
  }

  @Test
  void theFilterChoosesWhichDeadJobsGoBack() {
    Job job = TestJobs.job("default", TestJobs.RECORD, Map.of());
    killBoth(job);

    var otherType =
        new DeadLetterFilter(
            Optional.empty(), Optional.of("mail.welcome"), Optional.empty(), Optional.empty());
    assertThat(redrive.redrive(otherType, false)).isEmpty();

    var thisJob =
        new DeadLetterFilter(
            Optional.of(job.id().toString()), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(redrive.list(thisJob))
        .singleElement()
        .extracting(l -> l.job().jobId())
        .isEqualTo(job.id().toString());
    assertThat(redrive.redrive(thisJob, false)).extracting(Outcome::redriven).containsExactly(true);
    assertThat(jobs.status(job.id().toString())).map(JobStatus::state).contains(State.QUEUED);
  }

  /** Kills a job of a type no worker runs yet, and a record that is not a job. */
  private void killBoth(Job job) {
    Recorder dying = new Recorder();
    JobWorkers nobodyRunsIt = jobs.start(List.of(), List.of(Lane.of("default", 1)), dying);
    jobs.produce(job);
    jobs.produce(Topics.JOBS_DEFAULT, "junk", "{not json".getBytes(StandardCharsets.UTF_8));
    jobs.awaitState(job, State.DEAD);
    jobs.awaitRecords(Topics.JOBS_DEAD, 2);
    nobodyRunsIt.close();
  }

  private static String noteOf(List<Outcome> outcomes, DeadJob.Reason reason) {
    return outcomes.stream()
        .filter(outcome -> outcome.letter().job().reason() == reason)
        .map(Outcome::note)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for a " + reason + " letter"));
  }
}
