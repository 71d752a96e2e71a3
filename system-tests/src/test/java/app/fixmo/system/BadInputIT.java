package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets the right 4xx as problem+json, naming the field. */
@WithKafkaAndRedis
class BadInputIT {

  private static final String GOOD =
      "{\"email\":\"kim@example.com\",\"password\":\"correct horse\",\"name\":\"Kim\","
          + "\"role\":\"customer\",\"city\":\"Manila\"}";

  private static FixmoSystem system;
  private static Api api;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, redis.url(), namespace, Map.of());
    api = system.api();
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("wrong type", GOOD.replace("\"Kim\"", "7"), "name", "must be a string"),
        Arguments.of(
            "missing field", GOOD.replace(",\"city\":\"Manila\"", ""), "city", "is required"),
        Arguments.of(
            "unknown field", GOOD.replace("{", "{\"admin\":true,"), "admin", "unknown field"),
        Arguments.of(
            "over-long value",
            GOOD.replace("Manila", "M".repeat(101)),
            "city",
            "must be at most 100 characters"),
        Arguments.of(
            "bad e-mail",
            GOOD.replace("kim@example.com", "kim"),
            "email",
            "must be an e-mail address"),
        Arguments.of(
            "short password",
            GOOD.replace("correct horse", "short"),
            "password",
            "must be at least 8 characters"),
        Arguments.of("unknown role", GOOD.replace("customer", "admin"), "role", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void invalidFieldIs422NamingTheField(String kind, String body, String field, String message) {
    var response = api.post("/api/auth/register", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("X-Request-Id")).isNotBlank();
    var error = response.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    if (message != null) {
      assertThat(error.get("message").asText()).isEqualTo(message);
    }
  }

  @Test
  void malformedJsonIs400() {
    var response = api.post("/api/auth/register", "{\"email\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(400);
  }

  @Test
  void bodyOver64KibIs413() {
    String huge = GOOD.replace("Kim", "K".repeat(70 * 1024));

    var response = api.post("/api/auth/register", huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void unknownRouteIs404ProblemAndNeverAStackTrace() {
    var response = api.get("/api/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void meWithoutASessionIs401() {
    var response = api.get("/api/me", "Authorization", "Bearer not-a-real-token");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void insaneRequestIdIsReplaced() {
    var response = api.get("/api/health/live", "X-Request-Id", "bad id with spaces");

    assertThat(response.header("X-Request-Id")).isNotEqualTo("bad id with spaces").isNotBlank();
  }

  @Test
  void badInputLosesNothingAlreadyAccepted() {
    assertThat(api.post("/api/auth/register", GOOD).status()).isEqualTo(201);

    api.post("/api/auth/register", "{\"email\": ");
    var again = api.post("/api/auth/register", GOOD);

    assertThat(again.status()).isEqualTo(409);
  }
}
