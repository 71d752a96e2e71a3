package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/jobs} and {@code GET /api/jobs/{id}} through every service. */
@WithKafkaAndRedis
class JobsApiIT {

  private static final String KEY = "internal-key-for-the-jobs-it";

  private static FixmoSystem system;
  private static Api api;

  @BeforeAll
  static void start(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system =
        FixmoSystem.start(broker, redis.url(), namespace, Map.of("FIXMO_INTERNAL_API_KEY", KEY));
    api = system.api();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void callerWithoutTheKeyIsRefused() {
    String body = "{\"type\": \"diagnostics.noop\"}";

    assertThat(api.post("/api/jobs", body).status()).isEqualTo(401);
    assertThat(api.post("/api/jobs", body, "X-Api-Key", KEY + "-not").status()).isEqualTo(401);
    assertThat(api.get("/api/jobs/0190-anything").status()).isEqualTo(401);
  }

  @Test
  void submittedJobRunsAndItsStatusShowsEachStep() {
    var accepted =
        api.post(
            "/api/jobs",
            "{\"queue\": \"critical\", \"type\": \"diagnostics.noop\", \"payload\": {}}",
            "X-Api-Key",
            KEY);

    assertThat(accepted.status()).isEqualTo(202);
    String jobId = accepted.json().get("jobId").asText();
    assertThat(accepted.json().get("state").asText()).isEqualTo("queued");
    assertThat(accepted.header("Location")).isEqualTo("/api/jobs/" + jobId);
    JsonNode status = awaitState(jobId, "succeeded");
    assertThat(status.get("queue").asText()).isEqualTo("critical");
    assertThat(status.get("type").asText()).isEqualTo("diagnostics.noop");
    assertThat(status.get("attempts").asInt()).isEqualTo(1);
    Instant submitted = Instant.parse(status.get("submittedAt").asText());
    Instant started = Instant.parse(status.get("startedAt").asText());
    Instant finished = Instant.parse(status.get("finishedAt").asText());
    assertThat(started).isAfterOrEqualTo(submitted);
    assertThat(finished).isAfterOrEqualTo(started);
  }

  @Test
  void sameIdempotencyKeyReturnsTheFirstJob() {
    String body = "{\"type\": \"diagnostics.noop\", \"idempotencyKey\": \"nightly-2026-12-04\"}";

    var first = api.post("/api/jobs", body, "X-Api-Key", KEY);
    var second = api.post("/api/jobs", body, "X-Api-Key", KEY);

    assertThat(second.status()).isEqualTo(202);
    assertThat(second.json().get("jobId")).isEqualTo(first.json().get("jobId"));
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void unknownTypeIsRefusedNamingTheType() {
    var refused = api.post("/api/jobs", "{\"type\": \"reports.quarterly\"}", "X-Api-Key", KEY);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("type");
    assertThat(refused.json().get("detail").asText()).startsWith("type: unknown job type");
  }

  @Test
  void payloadTheTypeRefusesIsRefusedNamingTheField() {
    var refused =
        api.post(
            "/api/jobs",
            "{\"type\": \"diagnostics.flaky\", \"payload\": {\"failTimes\": \"two\"}}",
            "X-Api-Key",
            KEY);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asText())
        .isEqualTo("payload.failTimes");
  }

  @Test
  void unknownJobIsNotFound() {
    assertThat(api.get("/api/jobs/0190c0de-0000-7000-8000-000000000000", "X-Api-Key", KEY).status())
        .isEqualTo(404);
  }

  private static JsonNode awaitState(String jobId, String state) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> api.get("/api/jobs/" + jobId, "X-Api-Key", KEY),
            answer -> answer.status() == 200 && answer.json().get("state").asText().equals(state))
        .json();
  }
}
