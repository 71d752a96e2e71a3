package app.fixmo.processors.deciding;

import static app.fixmo.processors.Registrations.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a decider's jobs and withdrawals go: each lane, the scheduled topic, tombstones. */
class DecidingJobsTest {

  private static final String NS = "test";
  private static final Instant NOW = Instant.parse("2026-12-04T09:00:01Z");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private final List<Job> made = new ArrayList<>();

  /** The state of the test aggregate: how many commands it accepted. */
  record Tally(long count) {}

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void jobsWithoutRunAtGoToTheirLanesAndJobsWithOneToTheScheduler() {
    drive(
        (command, event) ->
            List.of(
                job(event, JobTypes.CRITICAL_QUEUE, null),
                job(event, JobTypes.DEFAULT_QUEUE, null),
                job(event, JobTypes.BULK_QUEUE, null),
                job(event, JobTypes.DEFAULT_QUEUE, NOW.plusSeconds(3600)),
                job(event, JobTypes.CRITICAL_QUEUE, NOW.minusSeconds(1))),
        List.of());
    Command command = register("ann@example.com");

    send(command);

    List<Job> sent = List.copyOf(made);
    assertThat(jobs(Topics.JOBS_CRITICAL))
        .extracting(TestRecord::value)
        .containsExactly(sent.get(0));
    assertThat(jobs(Topics.JOBS_DEFAULT))
        .extracting(TestRecord::value)
        .containsExactly(sent.get(1));
    assertThat(jobs(Topics.JOBS_BULK)).extracting(TestRecord::value).containsExactly(sent.get(2));
    assertThat(jobs(Topics.JOBS_SCHEDULED))
        .extracting(TestRecord::key, TestRecord::value)
        .containsExactly(
            tuple(sent.get(3).id().toString(), sent.get(3)),
            tuple(sent.get(4).id().toString(), sent.get(4)));
  }

  @Test
  void withdrawnJobsBecomeTombstonesOnTheScheduledTopicKeyedByJobId() {
    UUID first = Ids.newId();
    UUID second = Ids.newId();
    drive((command, event) -> List.of(), List.of(first, second));
    Command command = register("ann@example.com");

    send(command);

    List<TestRecord<String, Job>> scheduled = jobs(Topics.JOBS_SCHEDULED);
    assertThat(scheduled)
        .extracting(TestRecord::key, TestRecord::value)
        .containsExactly(tuple(first.toString(), null), tuple(second.toString(), null));
    assertThat(KafkaHeaders.read(scheduled.get(0).headers(), KafkaHeaders.TYPE))
        .isEqualTo("job.withdraw");
    assertThat(KafkaHeaders.read(scheduled.get(0).headers(), KafkaHeaders.REQUEST_ID))
        .isEqualTo(command.requestId());
    assertThat(outcomes()).extracting(Outcome::status).containsExactly(200);
  }

  @Test
  void withdrawalComesBeforeAJobScheduledAnewUnderTheSameId() {
    UUID reminder = Ids.newId();
    drive(
        (command, event) -> List.of(withId(job(event, "default", NOW.plusSeconds(60)), reminder)),
        List.of(reminder));

    send(register("ann@example.com"));

    assertThat(jobs(Topics.JOBS_SCHEDULED))
        .extracting(TestRecord::key, record -> record.value() == null)
        .containsExactly(tuple(reminder.toString(), true), tuple(reminder.toString(), false));
  }

  @Test
  void fourArgumentDecisionWithdrawsNothing() {
    Command command = register("ann@example.com");
    Outcome outcome = Outcome.succeeded(command, 200, Map.of(), NOW, List.of());

    Decision<Tally> decision = new Decision<>(List.of(), outcome, List.of(), new Tally(1));

    assertThat(decision.withdrawnJobs()).isEmpty();
  }

  @Test
  void rejectionThatWouldWithdrawAJobIsRefused() {
    Command command = register("ann@example.com");
    Outcome rejected = Outcome.rejected(command, Problem.conflict("taken", "taken"), NOW);

    assertThatThrownBy(
            () -> new Decision<Tally>(List.of(), rejected, List.of(), null, List.of(Ids.newId())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a rejected command must not emit events or jobs");
  }

  /** What the test decider emits for the event it records. */
  @FunctionalInterface
  interface Jobs {
    List<Job> of(Command command, Event event);
  }

  private void drive(Jobs jobs, List<UUID> withdrawn) {
    Decider<Tally> decider =
        (command, current, now) -> {
          Event event = Event.of(command, "tally.counted", command.key(), 1, now, Map.of());
          Outcome outcome = Outcome.succeeded(command, 200, Map.of(), now, List.of());
          List<Job> emitted = jobs.of(command, event);
          made.addAll(emitted);
          return new Decision<>(List.of(event), outcome, emitted, new Tally(1), withdrawn);
        };
    Aggregate<Tally> tallies =
        new Aggregate<>(
            "tallies", Topics.ACCOUNT_COMMANDS, Topics.ACCOUNT_EVENTS, Tally.class, decider);
    Topology topology =
        DecidingTopology.addTo(new Topology(), tallies, NS, Clock.fixed(NOW, ZoneOffset.UTC));
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_NAMESPACE", NS, "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
    driver = new TopologyTestDriver(topology, ProcessorsService.streamsProperties(config));
  }

  private void send(Command command) {
    driver
        .createInputTopic(
            Topics.ACCOUNT_COMMANDS.in(NS),
            new StringSerializer(),
            Topics.ACCOUNT_COMMANDS.valueSerde().serializer())
        .pipeInput(command.key(), command);
  }

  private List<TestRecord<String, Job>> jobs(Topic<Job> topic) {
    return driver
        .createOutputTopic(
            topic.in(NS), new StringDeserializer(), topic.valueSerde().deserializer())
        .readRecordsToList();
  }

  private List<Outcome> outcomes() {
    return driver
        .createOutputTopic(
            Topics.REQUEST_OUTCOMES.in(NS),
            new StringDeserializer(),
            Topics.REQUEST_OUTCOMES.valueSerde().deserializer())
        .readValuesToList();
  }

  private static Job job(Event cause, String queue, Instant runAt) {
    Job first = Job.of(cause, queue, "tally.report", Map.of());
    return runAt == null ? first : withRunAt(first, runAt);
  }

  private static Job withRunAt(Job job, Instant runAt) {
    return new Job(
        job.id(),
        job.queue(),
        job.type(),
        job.payload(),
        job.attempt(),
        runAt,
        job.idempotencyKey(),
        job.submittedBy(),
        job.submittedAt(),
        job.schemaVersion(),
        job.requestId(),
        job.traceparent());
  }

  private static Job withId(Job job, UUID id) {
    return new Job(
        id,
        job.queue(),
        job.type(),
        job.payload(),
        job.attempt(),
        job.runAt(),
        job.idempotencyKey(),
        job.submittedBy(),
        job.submittedAt(),
        job.schemaVersion(),
        job.requestId(),
        job.traceparent());
  }
}
