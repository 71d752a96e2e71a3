package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.embedded.EmbeddedRedis;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge's health follows its dependencies: a Redis of its own is stopped and restarted. */
@WithKafkaAndRedis
class HealthIT {

  @Test
  void healthTurns503WhenRedisStopsAndBack200WhenItReturns(
      KafkaBroker broker, TestNamespace namespace) throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        FixmoSystem system = FixmoSystem.start(broker, redis.url(), namespace, Map.of())) {
      Api api = system.api();
      assertThat(api.get("/api/health").status()).isEqualTo(200);

      redis.stop();

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                var health = api.get("/api/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("checks").get("redis").asText()).startsWith("down");
                assertThat(health.json().get("checks").get("kafka").asText()).isEqualTo("up");
              });

      redis.restart();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(api.get("/api/health").status()).isEqualTo(200));
      assertThat(api.get("/api/health/live").status()).isEqualTo(200);
    }
  }

  @Test
  void metricsAreServedInPrometheusFormat(KafkaBroker broker, TestNamespace namespace)
      throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        FixmoSystem system = FixmoSystem.start(broker, redis.url(), namespace, Map.of())) {
      Api api = system.api();
      api.get("/api/health");

      var metrics = api.get("/api/metrics");

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains("jvm_memory_used_bytes")
          .contains("fixmo_http_server_requests_seconds_count{")
          .contains("route=\"/api/health\"");
    }
  }
}
