package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API rate limit is one token bucket per client address in the shared Redis, so it holds across
 * edges. The refill is 1 request/s here (the contract's burst of 20, the slowest rate the setting
 * allows), so the test cannot outrun it on a slow machine.
 */
@WithKafkaAndRedis
class RateLimitIT {

  private static final String CLIENT = "198.51.100.20";
  private static final String PATH = "/api/openapi.json";

  private static FixmoSystem system;
  private static Api first;
  private static Api second;

  @BeforeAll
  static void startTwoEdges(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    var limits = Map.of("FIXMO_API_RATE_PER_S", "1", "FIXMO_API_BURST", "20");
    system = FixmoSystem.start(broker, redis.url(), namespace, limits);
    first = system.api();
    second = system.startAnotherEdge();
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  @Test
  void aClientPastItsBurstAcrossTwoEdgesGets429AndAnotherClientDoesNot() {
    List<Api.Response> answers = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Api edge = i % 2 == 0 ? first : second;
      answers.add(edge.get(PATH, "X-Forwarded-For", CLIENT));
    }
    var bystander = second.get(PATH, "X-Forwarded-For", "198.51.100.21");

    assertThat(answers.subList(0, 20)).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    assertThat(answers.get(0).header("RateLimit-Limit")).isEqualTo("20");
    assertThat(answers.get(0).header("RateLimit-Remaining")).isEqualTo("19");
    Api.Response refused =
        answers.subList(20, 25).stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("RateLimit-Limit")).isEqualTo("20");
    assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.header("RateLimit-Reset")).isEqualTo("1");
    assertThat(bystander.status()).isEqualTo(200);
    assertThat(bystander.header("RateLimit-Remaining")).isEqualTo("19");
  }

  @Test
  void healthAndMetricsAreNeverLimited() {
    String client = "198.51.100.30";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      statuses.add(first.get("/api/health/live", "X-Forwarded-For", client).status());
      statuses.add(first.get("/api/metrics", "X-Forwarded-For", client).status());
    }

    var probe = first.get("/api/health/live", "X-Forwarded-For", client);

    assertThat(statuses).containsOnly(200);
    assertThat(probe.header("RateLimit-Limit")).isNull();
  }
}
