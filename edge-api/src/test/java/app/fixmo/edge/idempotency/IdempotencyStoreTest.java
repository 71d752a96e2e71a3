package app.fixmo.edge.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

@WithKafkaAndRedis
class IdempotencyStoreTest {

  private static final String FINGERPRINT = "f".repeat(64);

  private FixmoConfig config;
  private RedissonClient redis;
  private IdempotencyStore store;

  @BeforeEach
  void connect(RedisInstance instance, TestNamespace namespace) {
    config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", instance.url(), "FIXMO_NAMESPACE", namespace.value()));
    redis = RedisClients.create(config);
    store = new IdempotencyStore(redis, config);
  }

  @AfterEach
  void disconnect() {
    redis.shutdown();
  }

  @Test
  void theFirstClaimWinsAndLaterOnesGetIt() {
    IdempotentWrite write = write("account:a1", "key-1");

    Optional<FirstRequest> first = store.claim(write, "r1");
    Optional<FirstRequest> second = store.claim(write, "r2");

    assertThat(first).isEmpty();
    assertThat(second).contains(new FirstRequest("r1", FINGERPRINT));
    assertThat(store.find(write)).contains(new FirstRequest("r1", FINGERPRINT));
  }

  @Test
  void oneKeyOfTwoCallersIsTwoKeys() {
    store.claim(write("account:a1", "shared"), "r1");

    assertThat(store.claim(write("account:a2", "shared"), "r2")).isEmpty();
    assertThat(store.find(write("address:203.0.113.5", "shared"))).isEmpty();
  }

  @Test
  void twentyConcurrentClaimsOfOneKeyHaveOneWinner() throws Exception {
    IdempotentWrite write = write("account:a1", "raced");
    List<Callable<Optional<FirstRequest>>> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String requestId = "r" + i;
      racers.add(() -> store.claim(write, requestId));
    }

    List<Optional<FirstRequest>> results = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Optional<FirstRequest>> result : executor.invokeAll(racers)) {
        results.add(result.get());
      }
    }

    assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
    String winner = store.find(write).orElseThrow().requestId();
    assertThat(results)
        .filteredOn(Optional::isPresent)
        .allMatch(result -> result.get().requestId().equals(winner));
  }

  @Test
  void aReleasedKeyCanBeClaimedAgain() {
    IdempotentWrite write = write("account:a1", "released");
    store.claim(write, "r1");

    store.release(write);

    assertThat(store.claim(write, "r2")).isEmpty();
  }

  @Test
  void aKeyIsKeptForADayAndHashedInRedis() {
    IdempotentWrite write = write("account:a9", "raw key text");
    store.claim(write, "r1");

    String pattern = RedisClients.key(config, "idempotency:account:a9:*");
    String name = redis.getKeys().getKeysByPattern(pattern).iterator().next();
    long ttl = redis.getBucket(name).remainTimeToLive();

    assertThat(name).doesNotContain("raw key text").endsWith(write.hashedKey());
    assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
  }

  private static IdempotentWrite write(String scope, String key) {
    return new IdempotentWrite(scope, key, FINGERPRINT);
  }
}
