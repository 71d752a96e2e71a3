package app.fixmo.edge.dev;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.edge.EdgeService;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.schemas.json.Json;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /dev/mail}: only in dev mode with a mailbox, newest first, and not in the API. */
@WithKafkaAndRedis
class DevMailRoutesTest {

  private static final Instant NINE = Instant.parse("2026-12-04T01:00:00Z");

  private final List<DevMailbox.Mail> received =
      List.of(
          mail("<a@fixmo>", "ana@example.com", "Welcome to FixMo, Ana", NINE),
          mail("<c@fixmo>", "ben@example.com", "New booking", NINE.plusSeconds(120)),
          mail("<b@fixmo>", "ana@example.com", "Booking confirmed", NINE.plusSeconds(60)));
  private final List<EdgeService> edges = new ArrayList<>();

  private final KafkaBroker broker;
  private final RedisInstance redis;
  private final TestNamespace namespace;

  DevMailRoutesTest(KafkaBroker broker, RedisInstance redis, TestNamespace namespace) {
    this.broker = broker;
    this.redis = redis;
    this.namespace = namespace;
  }

  @AfterEach
  void stopEdges() {
    edges.forEach(EdgeService::close);
  }

  @Test
  void devModeWithAMailboxShowsEveryMailNewestFirst() throws Exception {
    EdgeService edge = start(true, () -> received);

    HttpResponse<String> answer = get(edge, "/dev/mail");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode list = Json.tree(answer.body());
    assertThat(list.get("total").asInt()).isEqualTo(3);
    assertThat(list.get("items").findValuesAsText("messageId"))
        .containsExactly("<c@fixmo>", "<b@fixmo>", "<a@fixmo>");
    JsonNode oldest = list.get("items").get(2);
    assertThat(oldest.get("from").asText()).isEqualTo("FixMo <no-reply@fixmo.test>");
    assertThat(oldest.get("to").get(0).asText()).isEqualTo("ana@example.com");
    assertThat(oldest.get("subject").asText()).isEqualTo("Welcome to FixMo, Ana");
    assertThat(oldest.get("text").asText()).isEqualTo("Hello,\n\nWelcome to FixMo, Ana\n");
    assertThat(oldest.get("receivedAt").asText()).isEqualTo("2026-12-04T01:00:00Z");
  }

  @Test
  void toKeepsOneRecipientsMail() throws Exception {
    EdgeService edge = start(true, () -> received);

    JsonNode list = Json.tree(get(edge, "/dev/mail?to=ANA@example.com").body());

    assertThat(list.get("items").findValuesAsText("messageId"))
        .containsExactly("<b@fixmo>", "<a@fixmo>");
  }

  @Test
  void withoutDevModeThereIsNoMailRouteEvenWithAMailbox() throws Exception {
    EdgeService edge = start(false, () -> received);

    assertThat(get(edge, "/dev/mail").statusCode()).isEqualTo(404);
  }

  @Test
  void devModeWithoutAMailboxHasNoMailRoute() throws Exception {
    EdgeService edge = start(true, null);

    assertThat(get(edge, "/dev/mail").statusCode()).isEqualTo(404);
  }

  @Test
  void theRouteListForTheOpenApiCheckLeavesTheDeveloperRoutesOut() throws Exception {
    EdgeService edge = start(true, () -> received);

    assertThat(get(edge, "/dev/mail").statusCode()).isEqualTo(200);
    assertThat(edge.routes()).contains("GET /api/health").noneMatch(r -> r.contains("/dev/"));
  }

  private EdgeService start(boolean devMode, DevMailbox mailbox) {
    Map<String, String> env = new HashMap<>();
    env.put("FIXMO_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("FIXMO_REDIS_URL", redis.url());
    env.put("FIXMO_NAMESPACE", namespace.value());
    env.put("FIXMO_HTTP_PORT", "0");
    env.put("FIXMO_DEV_MODE", Boolean.toString(devMode));
    EdgeService edge =
        new EdgeService(FixmoConfig.from(env), Metrics.create("edge-test"), Clock.systemUTC());
    if (mailbox != null) {
      edge.withDevMailbox(mailbox);
    }
    edge.start();
    edges.add(edge);
    return edge;
  }

  private static HttpResponse<String> get(EdgeService edge, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static DevMailbox.Mail mail(String id, String to, String subject, Instant at) {
    return new DevMailbox.Mail(
        id, "FixMo <no-reply@fixmo.test>", List.of(to), subject, "Hello,\n\n" + subject + "\n", at);
  }
}
