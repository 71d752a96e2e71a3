package app.fixmo.schemas.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTypesTest {

  @Test
  void diagnosticTypesExistOnlyWhenDiagnosticsAreOn() {
    List<String> production =
        List.of(
            "mail.welcome",
            "mail.booking-confirmed",
            "mail.booking-cancelled",
            "mail.booking-reminder",
            "export.bookings-csv");
    List<String> withDiagnostics = new ArrayList<>(production);
    withDiagnostics.addAll(List.of("diagnostics.noop", "diagnostics.flaky"));

    assertThat(JobTypes.names(false)).containsExactlyElementsOf(production);
    assertThat(JobTypes.names(true)).containsExactlyElementsOf(withDiagnostics);
    assertThat(JobTypes.find("diagnostics.noop", false)).isEmpty();
    assertThat(JobTypes.find("diagnostics.noop", true)).isPresent();
  }

  @Test
  void diagnosticsRetryFiveTimesWithinAMinute() {
    RetryPolicy policy = JobTypes.DIAGNOSTIC_RETRIES;
    long longestMillis = 0;
    for (int attempt = 1; policy.allowsAttemptAfter(attempt); attempt++) {
      longestMillis += policy.backoffAfter(attempt, 0).toMillis();
    }

    assertThat(policy.maxAttempts()).isEqualTo(5);
    assertThat(policy.backoffAfter(1, 0)).hasSeconds(1);
    assertThat(longestMillis).isLessThan(60_000);
  }

  @Test
  void flakyPayloadReadsStrictly() {
    assertThat(Json.read("{\"failTimes\":2}", JobTypes.Flaky.class).failTimes()).isEqualTo(2);
    assertThat(Json.read("{}", JobTypes.Noop.class)).isEqualTo(new JobTypes.Noop());
    assertThatThrownBy(() -> Json.read("{\"failTimes\":-1}", JobTypes.Flaky.class))
        .isInstanceOf(SchemaViolation.class)
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("failTimes");
  }

  @Test
  void everyQueueHasItsOwnTopic() {
    assertThat(Job.QUEUES.stream().map(JobLanes::topicOf))
        .containsExactly(Topics.JOBS_CRITICAL, Topics.JOBS_DEFAULT, Topics.JOBS_BULK);
    assertThatThrownBy(() -> JobLanes.topicOf("urgent"))
        .hasMessage("queue must be one of [critical, default, bulk], was 'urgent'");
  }
}
