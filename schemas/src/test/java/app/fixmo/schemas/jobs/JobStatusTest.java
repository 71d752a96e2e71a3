package app.fixmo.schemas.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.schemas.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobStatusTest {

  private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

  @Test
  void statusSurvivesTheTripThroughRedisHashFields() {
    JobStatus status =
        new JobStatus(
            "j1", "bulk", "diagnostics.flaky", State.RETRYING, 2, "boom", AT, null, AT, null);

    Map<String, String> fields = new HashMap<>(status.toFields());
    fields.put(JobStatus.DONE, "1");

    assertThat(fields).containsEntry("progress", "8").containsEntry("state", "retrying");
    assertThat(JobStatus.fromFields(fields)).contains(status);
  }

  @Test
  void aJobWaitingForItsThirdAttemptHasEndedTwoAndIsPastTheirEnd() {
    Job third =
        new Job(
            UUID.randomUUID(),
            "default",
            "mail.welcome",
            Json.toTree(Map.of()),
            3,
            AT.plusSeconds(40),
            null,
            "test",
            AT,
            Job.SCHEMA_VERSION,
            "r1",
            null);
    JobStatus secondEnded =
        new JobStatus(
            "j1", "default", "mail.welcome", State.RETRYING, 2, "boom", AT, null, AT, null);

    JobStatus waiting = JobStatus.waiting(third, State.SCHEDULED);

    assertThat(waiting.attempts()).isEqualTo(2);
    assertThat(waiting.runAt()).isEqualTo(AT.plusSeconds(40));
    assertThat(waiting.startedAt()).isNull();
    assertThat(waiting.lastError()).isNull();
    assertThat(waiting.progress()).isGreaterThan(secondEnded.progress());
  }

  @Test
  void missingHashIsNoStatus() {
    assertThat(JobStatus.fromFields(Map.of())).isEmpty();
  }

  @Test
  void statusShowsTheFieldsOfTheApiContract() {
    JobStatus status =
        new JobStatus("j1", "default", "mail.welcome", State.QUEUED, 0, null, AT, null, null, null);

    assertThat(Json.toText(status))
        .isEqualTo(
            "{\"jobId\":\"j1\",\"queue\":\"default\",\"type\":\"mail.welcome\","
                + "\"state\":\"queued\",\"attempts\":0,\"submittedAt\":\"2026-12-04T09:00:00Z\"}");
  }

  @Test
  void progressGrowsThroughEveryStepOfEveryAttempt() {
    int queued = status(State.QUEUED, 0).progress();
    int firstRunning = status(State.RUNNING, 1).progress();
    int firstFailed = status(State.RETRYING, 1).progress();
    int secondRunning = status(State.RUNNING, 2).progress();
    int secondSucceeded = status(State.SUCCEEDED, 2).progress();

    assertThat(List.of(queued, firstRunning, firstFailed, secondRunning, secondSucceeded))
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(status(State.SCHEDULED, 0).progress()).isEqualTo(queued);
  }

  private static JobStatus status(State state, int attempts) {
    return new JobStatus("j1", "default", "t", state, attempts, null, AT, null, null, null);
  }
}
