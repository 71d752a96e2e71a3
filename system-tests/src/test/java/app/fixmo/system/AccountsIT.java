package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.embedded.EmbeddedMail.ReceivedMail;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.TopicProbe;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts end to end: HTTP edge, Kafka, the accounts processor, the projector and Redis. */
@WithKafkaAndRedis
class AccountsIT {

  private static final String PASSWORD = "correct horse battery";

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

  @Test
  void registrationIsDecidedAndAnswered201() {
    var response = api.register("ana@example.com", PASSWORD, "customer");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().get("accountId").asText()).isNotBlank();
    assertThat(response.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void sameEmailAgainIs409EvenInAnotherCase() {
    api.register("ben@example.com", PASSWORD, "provider");

    var again = api.register("  BEN@example.com", PASSWORD, "provider");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("type").asText()).endsWith("/email-taken");
  }

  @Test
  void twentyRacingRegistrationsOfOneEmailGiveExactlyOne201() throws Exception {
    List<Callable<Integer>> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      racers.add(() -> api.register("race@example.com", PASSWORD, "customer").status());
    }

    List<Integer> statuses = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Integer> status : executor.invokeAll(racers)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
  }

  @Test
  void loginGivesASessionThatReadsMeUntilLogout() {
    api.register("carla@example.com", PASSWORD, "provider");

    var login = api.login("carla@example.com", PASSWORD);
    String token = login.json().get("token").asText();
    var me = api.get("/api/me", "Authorization", "Bearer " + token);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("csrfToken").asText()).isNotBlank();
    assertThat(login.header("Set-Cookie")).contains("fixmo_session=", "HttpOnly", "SameSite=Lax");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asText()).isEqualTo("carla@example.com");
    assertThat(me.json().get("role").asText()).isEqualTo("provider");

    var logout = api.post("/api/auth/logout", "", "Authorization", "Bearer " + token);
    var after = api.get("/api/me", "Authorization", "Bearer " + token);

    assertThat(logout.status()).isEqualTo(204);
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void eachLoginGetsANewSessionAndAWrongPasswordGetsOneMessage() {
    api.register("dan@example.com", PASSWORD, "customer");

    String first = api.login("dan@example.com", PASSWORD).json().get("token").asText();
    String second = api.login("dan@example.com", PASSWORD).json().get("token").asText();
    var wrongPassword = api.login("dan@example.com", "not the password");
    var unknownEmail = api.login("nobody@example.com", "not the password");

    assertThat(first).isNotEqualTo(second);
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
  }

  @Test
  void cookieWriteFromAnotherSiteIsRefusedWithoutTheCsrfToken() {
    api.register("erin@example.com", PASSWORD, "customer");
    var login = api.login("erin@example.com", PASSWORD);
    String cookie = "fixmo_session=" + login.json().get("token").asText();
    String csrf = login.json().get("csrfToken").asText();

    var crossSite =
        api.post("/api/auth/logout", "", "Cookie", cookie, "Origin", "https://evil.example");
    var withToken =
        api.post(
            "/api/auth/logout",
            "",
            "Cookie",
            cookie,
            "Origin",
            "https://evil.example",
            "X-CSRF-Token",
            csrf);

    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(withToken.status()).isEqualTo(204);
  }

  @Test
  void sixthLoginAttemptInAMinuteIs429WithHeaders() {
    String client = "203.0.113.77";
    List<Api.Response> attempts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      attempts.add(api.login("frank@example.com", "wrong password", "X-Forwarded-For", client));
    }

    assertThat(attempts.subList(0, 5)).allMatch(r -> r.status() == 401);
    Api.Response sixth = attempts.get(5);
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.header("Retry-After")).isNotNull();
    assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 60);
    assertThat(sixth.header("RateLimit-Limit")).isEqualTo("5");
    assertThat(sixth.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(sixth.header("RateLimit-Reset")).isNotNull();
  }

  @Test
  void loginLimitPerEmailHoldsAcrossClientAddresses() {
    for (int i = 0; i < 5; i++) {
      api.login("gina@example.com", "wrong password", "X-Forwarded-For", "198.51.100." + i);
    }

    var sixth = api.login("gina@example.com", "wrong", "X-Forwarded-For", "198.51.100.99");

    assertThat(sixth.status()).isEqualTo(429);
  }

  @Test
  void respondAsyncGives202ThenTheRequestStatusTellsTheOutcome() {
    var accepted =
        api.post(
            "/api/auth/register",
            body("hana@example.com", "Hana", "Cebu"),
            "Prefer",
            "respond-async");

    assertThat(accepted.status()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).startsWith("/api/requests/");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var status = api.get(location);
              assertThat(status.status()).isEqualTo(200);
              assertThat(status.json().get("state").asText()).isEqualTo("succeeded");
              assertThat(status.json().get("resource").get("accountId").asText()).isNotBlank();
            });
  }

  @Test
  void requestIdTravelsInTheCommandHeaders(TopicProbe probe) {
    var response =
        api.post(
            "/api/auth/register",
            body("ivan@example.com", "Ivan", "Davao"),
            "X-Request-Id",
            "trace-me-ivan-1");

    assertThat(response.header("X-Request-Id")).isEqualTo("trace-me-ivan-1");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.awaitRecords(Topics.ACCOUNT_COMMANDS, 1))
                    .anySatisfy(
                        record -> {
                          Command command = record.value();
                          assertThat(command.requestId()).isEqualTo("trace-me-ivan-1");
                          assertThat(KafkaHeaders.read(record.headers(), KafkaHeaders.REQUEST_ID))
                              .isEqualTo("trace-me-ivan-1");
                        }));
  }

  @Test
  void newAccountGetsOneWelcomeMailOverSmtp() {
    api.register("jane@example.com", PASSWORD, "customer");

    ReceivedMail welcome =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> system.mail().receivedBy("jane@example.com"), mails -> !mails.isEmpty())
            .getFirst();

    assertThat(welcome.subject()).isEqualTo("Welcome to FixMo, Test User");
    assertThat(welcome.text()).startsWith("Hello Test User,").contains("jane@example.com");
    assertThat(welcome.messageId()).matches("<[0-9a-f-]{36}@fixmo>");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> system.mail().receivedBy("jane@example.com").size() == 1);
  }

  private static String body(String email, String name, String city) {
    return ("{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"%s\","
            + "\"role\":\"customer\",\"city\":\"%s\"}")
        .formatted(email, PASSWORD, name, city);
  }
}
