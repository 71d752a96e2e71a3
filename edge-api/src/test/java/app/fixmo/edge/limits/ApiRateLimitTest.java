package app.fixmo.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.edge.http.ClientAddress;
import app.fixmo.edge.http.Problems;
import app.fixmo.platform.config.Cidr;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** The before-handler: which paths it limits, what it answers, and what it does without Redis. */
@WithKafkaAndRedis
class ApiRateLimitTest {

  private static final Clock FROZEN =
      Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);

  private final HttpClient http = HttpClient.newHttpClient();
  private RedissonClient redis;
  private Javalin app;

  @BeforeEach
  void start(RedisInstance instance, TestNamespace namespace) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", instance.url(), "FIXMO_NAMESPACE", namespace.value()));
    redis = RedisClients.create(config);
    var limiter = new TokenBucketLimiter(redis, config, "api", 1, 2, FROZEN);
    var clients = new ClientAddress(List.of(Cidr.parse("127.0.0.0/8")));
    app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              new ApiRateLimit(limiter, clients).install(javalin.routes);
              Problems.install(javalin.routes);
              javalin.routes.get("/api/providers/{id}", ctx -> ctx.result("page"));
              javalin.routes.get("/api/health/ready", ctx -> ctx.result("up"));
              javalin.routes.get("/api/metrics", ctx -> ctx.result("metrics"));
            });
    app.start(0);
  }

  @AfterEach
  void stop() {
    app.stop();
    redis.shutdown();
  }

  @Test
  void aClientPastItsBurstGets429WithTheHeaders() throws Exception {
    get("/api/providers/p1", "203.0.113.1");
    HttpResponse<String> last = get("/api/providers/p2", "203.0.113.1");

    HttpResponse<String> refused = get("/api/providers/p3", "203.0.113.1");

    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(header(last, "RateLimit-Limit")).isEqualTo("2");
    assertThat(header(last, "RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(header(refused, "Content-Type")).startsWith("application/problem+json");
    assertThat(header(refused, "Retry-After")).isEqualTo("1");
    assertThat(header(refused, "RateLimit-Remaining")).isEqualTo("0");
    assertThat(get("/api/providers/p1", "203.0.113.2").statusCode()).isEqualTo(200);
  }

  @Test
  void probesAndTheScrapeAreNotLimited() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/health/ready", "203.0.113.3").statusCode()).isEqualTo(200);
      assertThat(get("/api/metrics", "203.0.113.3").statusCode()).isEqualTo(200);
    }

    assertThat(header(get("/api/metrics", "203.0.113.3"), "RateLimit-Limit")).isNull();
  }

  @Test
  void withoutRedisRequestsGoThroughUnlimitedAndOnlyTheFirstWaitsForIt(RedisInstance instance)
      throws Exception {
    instance.stop();

    HttpResponse<String> first = get("/api/providers/p1", "203.0.113.4");
    long started = System.nanoTime();
    HttpResponse<String> next = get("/api/providers/p2", "203.0.113.4");
    Duration nextTook = Duration.ofNanos(System.nanoTime() - started);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "RateLimit-Limit")).isNull();
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(nextTook).isLessThan(Duration.ofSeconds(1));
  }

  private HttpResponse<String> get(String path, String client)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("X-Forwarded-For", client)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
