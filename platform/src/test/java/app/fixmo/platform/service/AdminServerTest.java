package app.fixmo.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.health.Health;
import app.fixmo.platform.health.HealthCheck;
import app.fixmo.platform.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {

  private final AtomicBoolean kafkaAnswers = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newHttpClient();
  private AdminServer server;

  @BeforeEach
  void start() throws Exception {
    HealthCheck kafka =
        new HealthCheck() {
          @Override
          public String name() {
            return "kafka";
          }

          @Override
          public void probe() {
            if (!kafkaAnswers.get()) {
              throw new IllegalStateException("no broker answered");
            }
          }
        };
    Health health = new Health(List.of(kafka), Duration.ofSeconds(1));
    server = new AdminServer("workers", 0, health, Metrics.create("workers"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readinessFollowsTheChecksWhileLivenessStaysUp() throws Exception {
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    kafkaAnswers.set(false);
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"kafka\":\"down: no broker answered\"");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreInPrometheusFormatTaggedWithTheService() throws Exception {
    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_threads_live_threads{service=\"workers\"}");
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
