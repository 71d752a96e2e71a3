package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.projector.ViewReplayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Redis holds nothing that replaying Kafka cannot rebuild. */
@WithKafkaAndRedis
class ViewReplayIT {

  private static final List<String> EMAILS =
      List.of("lea@example.com", "max@example.com", "noa@example.com");

  @Test
  void wipedAccountViewsComeBackTheSameFromTheViewsTopic(
      KafkaBroker broker, RedisInstance redisInstance, TestNamespace namespace) throws Exception {
    try (FixmoSystem system = FixmoSystem.start(broker, redisInstance.url(), namespace, Map.of())) {
      Api api = system.api();
      EMAILS.forEach(
          email ->
              assertThat(api.register(email, "correct horse", "customer").status()).isEqualTo(201));
      RedissonClient redis = RedisClients.create(system.config());
      try {
        var before = snapshot(redis, system);

        new ViewStore(redis, system.config())
            .wipe(List.of(AccountViews.ACCOUNT, AccountViews.CREDENTIALS));
        assertThat(snapshot(redis, system))
            .allSatisfy((view, values) -> assertThat(values).isEmpty());

        long replayed =
            new ViewReplayer(
                    new KafkaClients(system.config()), new ViewStore(redis, system.config()))
                .replay();

        assertThat(replayed).isGreaterThanOrEqualTo(6);
        assertThat(snapshot(redis, system)).isEqualTo(before);
        assertThat(before.get(AccountViews.CREDENTIALS))
            .containsKeys(EMAILS.toArray(String[]::new));

        String token = api.login("lea@example.com", "correct horse").json().get("token").asText();
        assertThat(api.get("/api/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
      } finally {
        redis.shutdown();
      }
    }
  }

  private static Map<String, Map<String, String>> snapshot(
      RedissonClient redis, FixmoSystem system) {
    return Map.of(
        AccountViews.ACCOUNT, hash(redis, system, AccountViews.ACCOUNT),
        AccountViews.CREDENTIALS, hash(redis, system, AccountViews.CREDENTIALS));
  }

  private static Map<String, String> hash(RedissonClient redis, FixmoSystem system, String view) {
    String key = RedisClients.key(system.config(), "view:" + view);
    return redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
  }
}
