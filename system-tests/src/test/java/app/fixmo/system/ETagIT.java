package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Reads carry an ETag, a matching If-None-Match gets 304, and a change gets a new tag. */
@WithKafkaAndRedis
class ETagIT {

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
  void meWithItsTagIs304UntilTheAccountChanges() {
    var registered = api.register("vera@example.com", "correct horse", "customer");
    String accountId = registered.json().get("accountId").asText();
    String token = api.login("vera@example.com", "correct horse").json().get("token").asText();
    String bearer = "Bearer " + token;

    var me = api.get("/api/me", "Authorization", bearer);
    String etag = me.header("ETag");
    var unchanged = api.get("/api/me", "Authorization", bearer, "If-None-Match", etag);

    assertThat(me.status()).isEqualTo(200);
    assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.header("ETag")).isEqualTo(etag);
    assertThat(unchanged.body()).isEmpty();

    renameInTheCache(accountId, "Vera Renamed");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var changed = api.get("/api/me", "Authorization", bearer, "If-None-Match", etag);
              assertThat(changed.status()).isEqualTo(200);
              assertThat(changed.header("ETag")).isNotEqualTo(etag).isNotNull();
              assertThat(changed.json().get("name").asText()).isEqualTo("Vera Renamed");
            });
  }

  @Test
  void aWriteIsNeverAnsweredNotModified() {
    var response =
        api.post(
            "/api/auth/register",
            "{\"email\":\"walt@example.com\",\"password\":\"correct horse\","
                + "\"name\":\"Walt\",\"role\":\"customer\",\"city\":\"Cebu\"}",
            "If-None-Match",
            "*");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("ETag")).isNull();
  }

  /** Writes a newer version of the account document, as the projector does after a change. */
  private static void renameInTheCache(String accountId, String name) {
    RedissonClient redis = RedisClients.create(system.config());
    try {
      ViewStore views = new ViewStore(redis, system.config());
      ViewDocument current = views.read(AccountViews.ACCOUNT, accountId).orElseThrow();
      ObjectNode body = current.body().deepCopy();
      body.put("name", name);
      views.apply(
          new ViewDocument(
              current.view(),
              current.id(),
              current.version() + 1,
              Instant.now(),
              "etag-it-rename",
              body));
    } finally {
      redis.shutdown();
    }
  }
}
