package app.fixmo.processors.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.processors.ProcessorsTopology;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSchedulerTopologyTest {

  private static final String NS = "test";
  private static final Instant START = Instant.parse("2026-12-04T09:00:00Z");

  @TempDir Path stateDir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;

  @BeforeEach
  void startDriver() {
    Topology topology = JobSchedulerTopology.addTo(new Topology(), NS, registry);
    driver = new TopologyTestDriver(topology, ProcessorsService.streamsProperties(config()), START);
  }

  private FixmoConfig config() {
    return FixmoConfig.from(
        Map.of("FIXMO_NAMESPACE", NS, "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void jobAlreadyDueGoesToItsLaneAtOnce() {
    Job job = job("critical", START.minusSeconds(1));

    schedule(job);

    assertThat(read(Topics.JOBS_CRITICAL)).containsExactly(job);
  }

  @Test
  void laterJobWaitsForItsRunAtAndThenLeavesOnce() {
    Job job = job("bulk", START.plusSeconds(5));
    schedule(job);

    driver.advanceWallClockTime(Duration.ofMillis(4_900));
    List<Job> early = read(Topics.JOBS_BULK);
    driver.advanceWallClockTime(Duration.ofMillis(200));
    List<TestRecord<String, String>> onTime = records(Topics.JOBS_BULK);
    driver.advanceWallClockTime(Duration.ofSeconds(5));

    assertThat(early).isEmpty();
    assertThat(onTime).hasSize(1);
    assertThat(onTime.get(0).key()).isEqualTo(job.id().toString());
    assertThat(Duration.between(job.runAt(), onTime.get(0).getRecordTime()))
        .isBetween(Duration.ZERO, JobSchedulerTopology.DEFAULT_TICK);
    assertThat(read(Topics.JOBS_BULK)).isEmpty();
  }

  @Test
  void dueJobsLeaveInRunAtOrderEachToItsOwnLane() {
    Job third = job("default", START.plusSeconds(3));
    Job first = job("default", START.plusSeconds(1));
    Job second = job("critical", START.plusSeconds(2));
    Job notYet = job("default", START.plusSeconds(60));
    List.of(third, notYet, first, second).forEach(this::schedule);

    driver.advanceWallClockTime(Duration.ofSeconds(4));

    assertThat(read(Topics.JOBS_DEFAULT)).containsExactly(first, third);
    assertThat(read(Topics.JOBS_CRITICAL)).containsExactly(second);
  }

  @Test
  void recordThatIsNotAJobGoesToTheDeadLetterTopicWithItsBytes() {
    driver
        .createInputTopic(
            Topics.JOBS_SCHEDULED.in(NS), new StringSerializer(), new ByteArraySerializer())
        .pipeInput("k1", "{\"id\": 7}".getBytes(StandardCharsets.UTF_8));

    List<TestRecord<String, String>> dead = records(Topics.JOBS_DEAD);

    assertThat(dead).hasSize(1);
    DeadJob letter = Json.read(dead.get(0).value(), DeadJob.class);
    assertThat(letter.reason()).isEqualTo(DeadJob.Reason.MALFORMED);
    assertThat(letter.record()).isEqualTo("{\"id\": 7}");
    assertThat(letter.sourceTopic()).isEqualTo(Topics.JOBS_SCHEDULED.in(NS));
    assertThat(letter.sourceOffset()).isZero();
    assertThat(letter.key()).isEqualTo("k1");
  }

  @Test
  void tombstoneWithdrawsAHeldJobWhichThenNeverLeaves() {
    Job withdrawn = job("critical", START.plusSeconds(5));
    Job kept = job("critical", START.plusSeconds(6));
    schedule(withdrawn);
    schedule(kept);

    withdraw(withdrawn.id().toString());
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    assertThat(read(Topics.JOBS_CRITICAL)).containsExactly(kept);
    assertThat(records(Topics.JOBS_DEAD)).isEmpty();
    assertThat(entries(JobSchedulerTopology.STORE)).isEmpty();
    assertThat(entries(JobSchedulerTopology.INDEX_STORE)).isEmpty();
  }

  @Test
  void retryWaitingOutItsBackOffIsWithdrawnUnderTheSameJobId() {
    Job retry = job("default", START.minusSeconds(30)).nextAttempt(START.plusSeconds(5));
    schedule(retry);

    withdraw(retry.id().toString());
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    assertThat(records(Topics.JOBS_DEFAULT)).isEmpty();
  }

  @Test
  void tombstoneForAJobNeverHeldChangesNothing() {
    Job held = job("bulk", START.plusSeconds(5));
    schedule(held);

    withdraw(Ids.newId().toString());
    withdraw("not-a-job-id");
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    assertThat(read(Topics.JOBS_BULK)).containsExactly(held);
    assertThat(records(Topics.JOBS_DEAD)).isEmpty();
    assertThat(entries(JobSchedulerTopology.INDEX_STORE)).isEmpty();
  }

  @Test
  void tombstoneAfterTheJobLeftChangesNothing() {
    Job job = job("default", START.plusSeconds(5));
    schedule(job);
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    List<Job> released = read(Topics.JOBS_DEFAULT);

    withdraw(job.id().toString());
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    assertThat(released).containsExactly(job);
    assertThat(records(Topics.JOBS_DEFAULT)).isEmpty();
    assertThat(records(Topics.JOBS_DEAD)).isEmpty();
  }

  @Test
  void jobHeldAgainUnderTheSameIdLeavesOnceAtItsNewRunAt() {
    Job first = job("default", START.plusSeconds(5));
    Job moved = first.nextAttempt(START.plusSeconds(20));
    schedule(first);
    schedule(moved);

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    List<Job> early = read(Topics.JOBS_DEFAULT);
    driver.advanceWallClockTime(Duration.ofSeconds(15));

    assertThat(early).isEmpty();
    assertThat(read(Topics.JOBS_DEFAULT)).containsExactly(moved);
  }

  @Test
  void indexNamesTheScheduleKeyOfEveryHeldJob() {
    Job job = job("bulk", START.plusSeconds(30));

    schedule(job);

    assertThat(entries(JobSchedulerTopology.INDEX_STORE))
        .containsExactly(Map.entry(job.id().toString(), ScheduleKeys.of(job)));
  }

  @Test
  void jobHeldAnewOrAnUnknownTombstoneWritesNoIndexTombstoneToTheChangelog() {
    Job job = job("bulk", START.plusSeconds(30));

    schedule(job);
    withdraw(Ids.newId().toString());

    assertThat(changelog(JobSchedulerTopology.INDEX_STORE))
        .extracting(TestRecord::key, TestRecord::value)
        .containsExactly(tuple(job.id().toString(), ScheduleKeys.of(job)));
  }

  @Test
  void tombstoneWithoutKeyGoesToTheDeadLetterTopic() {
    withdraw(null);

    List<TestRecord<String, String>> dead = records(Topics.JOBS_DEAD);

    assertThat(dead).hasSize(1);
    DeadJob letter = Json.read(dead.get(0).value(), DeadJob.class);
    assertThat(letter.reason()).isEqualTo(DeadJob.Reason.MALFORMED);
    assertThat(letter.error()).isEqualTo("a tombstone without a key names no job to withdraw");
  }

  @Test
  void gaugeCountsTheJobsHeldForLater() {
    schedule(job("default", START.plusSeconds(30)));
    schedule(job("bulk", START.plusSeconds(40)));

    double held = registry.get("fixmo.jobs.backlog").tag("queue", "scheduled").gauge().value();

    assertThat(held).isEqualTo(2);
  }

  @Test
  void schedulerRunsBesideEveryOtherProcessorInTheOneTopology() {
    Topology all = ProcessorsTopology.build(NS, Clock.systemUTC());
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_NAMESPACE",
                NS,
                "FIXMO_STREAMS_STATE_DIR",
                stateDir.resolve("all").toString()));

    try (TopologyTestDriver both =
        new TopologyTestDriver(all, ProcessorsService.streamsProperties(config), START)) {
      Job job = job("default", START.minusSeconds(1));
      both.createInputTopic(
              Topics.JOBS_SCHEDULED.in(NS),
              new StringSerializer(),
              Topics.JOBS_SCHEDULED.valueSerde().serializer())
          .pipeInput(job.id().toString(), job);

      assertThat(
              both.createOutputTopic(
                      Topics.JOBS_DEFAULT.in(NS),
                      new StringDeserializer(),
                      new StringDeserializer())
                  .readKeyValuesToList())
          .extracting(kv -> kv.key)
          .containsExactly(job.id().toString());
    }
  }

  private void schedule(Job job) {
    driver
        .createInputTopic(
            Topics.JOBS_SCHEDULED.in(NS),
            new StringSerializer(),
            Topics.JOBS_SCHEDULED.valueSerde().serializer())
        .pipeInput(job.id().toString(), job);
  }

  private void withdraw(String jobId) {
    driver
        .createInputTopic(
            Topics.JOBS_SCHEDULED.in(NS), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(jobId, null);
  }

  private List<Map.Entry<String, Object>> entries(String storeName) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>();
    try (var all = driver.getKeyValueStore(storeName).all()) {
      all.forEachRemaining(entry -> entries.add(Map.entry(entry.key.toString(), entry.value)));
    }
    return entries;
  }

  private List<TestRecord<String, String>> changelog(String storeName) {
    String applicationId =
        ProcessorsService.streamsProperties(config())
            .getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    return driver
        .createOutputTopic(
            applicationId + "-" + storeName + "-changelog",
            new StringDeserializer(),
            new StringDeserializer())
        .readRecordsToList();
  }

  private List<Job> read(Topic<Job> topic) {
    return records(topic).stream().map(record -> Json.read(record.value(), Job.class)).toList();
  }

  private List<TestRecord<String, String>> records(Topic<?> topic) {
    return driver
        .createOutputTopic(topic.in(NS), new StringDeserializer(), new StringDeserializer())
        .readRecordsToList();
  }

  private static Job job(String queue, Instant runAt) {
    return SchedulerRig.job(queue, runAt, START.minusSeconds(10));
  }
}
