package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A write the edge accepted survives a stop of the service that must decide or project it. */
@WithKafkaAndRedis
class CrashRecoveryIT {

  private static final String BODY =
      "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Ola\",\"role\":\"customer\","
          + "\"city\":\"Iloilo\"}";

  @Test
  void writeAcceptedWhileProcessorsAreDownIsDecidedOnceTheyReturn(
      KafkaBroker broker, RedisInstance redis, TestNamespace namespace) throws Exception {
    try (FixmoSystem system = FixmoSystem.start(broker, redis.url(), namespace, Map.of())) {
      Api api = system.api();
      system.stopProcessors();

      var accepted =
          api.post("/api/auth/register", BODY.formatted("ola@example.com"), "Prefer", "wait=1");
      assertThat(accepted.status()).isEqualTo(202);

      system.startProcessors();

      awaitSucceeded(api, accepted.header("Location"));
      assertThat(api.register("ola@example.com", "correct horse", "customer").status())
          .isEqualTo(409);
    }
  }

  @Test
  void writeDecidedWhileTheProjectorIsDownReachesTheCacheOnceItReturns(
      KafkaBroker broker, RedisInstance redis, TestNamespace namespace) throws Exception {
    try (FixmoSystem system = FixmoSystem.start(broker, redis.url(), namespace, Map.of())) {
      Api api = system.api();
      system.stopWorkers();

      var accepted =
          api.post("/api/auth/register", BODY.formatted("pia@example.com"), "Prefer", "wait=1");
      assertThat(accepted.status()).isEqualTo(202);

      system.startWorkers();

      awaitSucceeded(api, accepted.header("Location"));
      assertThat(api.login("pia@example.com", "correct horse").status()).isEqualTo(200);
    }
  }

  private static void awaitSucceeded(Api api, String location) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var status = api.get(location);
              assertThat(status.json().get("state").asText()).isEqualTo("succeeded");
            });
  }
}
