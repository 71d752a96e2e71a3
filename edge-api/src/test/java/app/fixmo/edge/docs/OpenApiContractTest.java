package app.fixmo.edge.docs;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the edge serves. */
@WithKafkaAndRedis
class OpenApiContractTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private static EdgeService edge;

  @BeforeAll
  static void startEdge(KafkaBroker broker, RedisInstance redis, TestNamespace namespace) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "FIXMO_REDIS_URL", redis.url(),
                "FIXMO_NAMESPACE", namespace.value(),
                "FIXMO_HTTP_PORT", "0",
                "FIXMO_ARGON2_MEMORY_KIB", "8192"));
    edge = new EdgeService(config, Metrics.create("edge-test"), Clock.systemUTC());
    edge.start();
  }

  @AfterAll
  static void stopEdge() {
    edge.close();
  }

  @Test
  void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
    Set<String> described = described(served());
    Set<String> registered = new TreeSet<>(edge.routes());

    assertThat(difference(registered, described))
        .as("routes the edge serves that openapi.json does not describe")
        .isEmpty();
    assertThat(difference(described, registered))
        .as("routes openapi.json describes that the edge does not serve")
        .isEmpty();
  }

  @Test
  void theDocumentIsOpenApi31WithItsReferencesResolved() throws Exception {
    JsonNode document = served();

    assertThat(document.get("openapi").asText()).startsWith("3.1.");
    assertThat(unresolvedReferences(document, document)).isEmpty();
  }

  private static JsonNode served() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + edge.port() + "/api/openapi.json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.tree(response.body());
  }

  private static Set<String> described(JsonNode document) {
    Set<String> routes = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            routes.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return routes;
  }

  private static Set<String> difference(Set<String> from, Set<String> without) {
    Set<String> left = new TreeSet<>(from);
    left.removeAll(without);
    return left;
  }

  private static Set<String> unresolvedReferences(JsonNode node, JsonNode document) {
    Set<String> unresolved = new TreeSet<>();
    if (node.has("$ref")) {
      String pointer = node.get("$ref").asText().substring(1);
      if (document.at(pointer).isMissingNode()) {
        unresolved.add(node.get("$ref").asText());
      }
    }
    node.forEach(child -> unresolved.addAll(unresolvedReferences(child, document)));
    return unresolved;
  }
}
