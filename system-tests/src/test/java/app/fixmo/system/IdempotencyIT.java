package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.json.JsonSerde;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key makes a retried write safe: one command, the first outcome every time. */
@WithKafkaAndRedis
class IdempotencyIT {

  private static final String KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";

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
  void sameKeyTwiceAnswersTheFirst201AgainAndSendsOneCommand() {
    String body = registration("olga@example.com");

    var first = api.post("/api/auth/register", body, KEY, "register-olga-1");
    var again = api.post("/api/auth/register", body, KEY, "register-olga-1");

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header(REPLAYED)).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(again.header("X-Request-Id")).isEqualTo(first.header("X-Request-Id"));
    assertThat(commandsFor("olga@example.com")).hasSize(1);
  }

  @Test
  void sameKeyWithAnotherBodyIs422NamingTheHeader() {
    api.post("/api/auth/register", registration("pia@example.com"), KEY, "register-pia-1");

    var other =
        api.post("/api/auth/register", registration("quinn@example.com"), KEY, "register-pia-1");

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("errors").get(0).get("field").asText()).isEqualTo(KEY);
    assertThat(other.json().get("detail").asText()).contains("another request");
    assertThat(commandsFor("quinn@example.com")).isEmpty();
  }

  @Test
  void twentyConcurrentRequestsWithOneKeyGetOneAnswerFromOneCommand() throws Exception {
    String body = registration("rosa@example.com");
    List<Callable<Api.Response>> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      racers.add(() -> api.post("/api/auth/register", body, KEY, "register-rosa-1"));
    }

    List<Api.Response> answers = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Api.Response> answer : executor.invokeAll(racers)) {
        answers.add(answer.get());
      }
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
    assertThat(answers).extracting(Api.Response::body).containsOnly(answers.get(0).body());
    assertThat(answers).filteredOn(answer -> answer.header(REPLAYED) == null).hasSize(1);
    assertThat(commandsFor("rosa@example.com")).hasSize(1);
  }

  @Test
  void aRepeatOfAnAsyncWriteAnswersWithTheOutcomeOfTheSameRequest() {
    String body = registration("sami@example.com");
    var accepted =
        api.post("/api/auth/register", body, KEY, "register-sami-1", "Prefer", "respond-async");

    var repeat = api.post("/api/auth/register", body, KEY, "register-sami-1");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(repeat.header("X-Request-Id")).isEqualTo(accepted.header("X-Request-Id"));
    assertThat(accepted.header("Location")).endsWith("/" + repeat.header("X-Request-Id"));
    assertThat(commandsFor("sami@example.com")).hasSize(1);
  }

  @Test
  void theSameKeyFromAnotherClientIsAnotherRequest() {
    String body = registration("tomas@example.com");
    api.post("/api/auth/register", body, KEY, "shared-key", "X-Forwarded-For", "203.0.113.10");

    var elsewhere =
        api.post("/api/auth/register", body, KEY, "shared-key", "X-Forwarded-For", "203.0.113.11");

    assertThat(elsewhere.status()).isEqualTo(409);
    assertThat(elsewhere.header(REPLAYED)).isNull();
    assertThat(commandsFor("tomas@example.com")).hasSize(2);
  }

  @Test
  void aMalformedKeyIs400NamingTheHeader() {
    var response =
        api.post("/api/auth/register", registration("uma@example.com"), KEY, "k".repeat(256));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(KEY);
    assertThat(commandsFor("uma@example.com")).isEmpty();
  }

  private static String registration(String email) {
    return ("{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Test User\","
            + "\"role\":\"customer\",\"city\":\"Manila\"}")
        .formatted(email);
  }

  /**
   * Returns the register commands sent for an e-mail: the whole topic is read up to its current
   * end, which every command of an answered write is below (the edge answers after acks=all).
   */
  private static List<Command> commandsFor(String email) {
    KafkaClients kafka = new KafkaClients(system.config());
    var props = kafka.consumer("idempotency-it", "idempotency-it");
    List<Command> commands = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), JsonSerde.of(Command.class).deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(kafka.name(Topics.ACCOUNT_COMMANDS)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> commands.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
              });
    }
    return commands.stream().filter(command -> command.key().equals(email)).toList();
  }
}
