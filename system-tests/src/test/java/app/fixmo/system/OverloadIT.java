package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An edge that already holds its limit of waiting writes sheds the next one with 503. */
@WithKafkaAndRedis
class OverloadIT {

  private static final String REGISTER =
      "{\"email\":\"%s@example.com\",\"password\":\"correct horse\",\"name\":\"Test User\","
          + "\"role\":\"customer\",\"city\":\"Manila\"}";

  @Test
  void writePastTheLimitInFlightIsShedAndTheHeldOneStillCompletes(
      KafkaBroker broker, RedisInstance redis, TestNamespace namespace) throws Exception {
    var oneWriteAtATime = Map.of("FIXMO_EDGE_MAX_WRITES_IN_FLIGHT", "1");
    try (FixmoSystem system = FixmoSystem.start(broker, redis.url(), namespace, oneWriteAtATime)) {
      Api api = system.api();
      system.stopProcessors();
      CompletableFuture<Api.Response> held =
          CompletableFuture.supplyAsync(
              () -> api.post("/api/auth/register", REGISTER.formatted("held"), "Prefer", "wait=8"));
      await().atMost(Duration.ofSeconds(5)).until(() -> shed(api).status() == 503);

      Api.Response refused = shed(api);
      system.startProcessors();

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.json().get("type").asText()).endsWith("/overloaded");
      assertThat(held.get().status()).isIn(201, 202);
    }
  }

  /** Sends a write that never waits, so a probe that gets through does not hold the permit. */
  private static Api.Response shed(Api api) {
    String body = REGISTER.formatted("shed" + System.nanoTime());
    return api.post("/api/auth/register", body, "Prefer", "respond-async");
  }
}
