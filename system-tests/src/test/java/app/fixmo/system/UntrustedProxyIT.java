package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For from a peer that is not a trusted proxy proves nothing. */
@WithKafkaAndRedis
class UntrustedProxyIT {

  @Test
  void forwardedAddressesFromAnUntrustedPeerDoNotEscapeTheLoginLimit(
      KafkaBroker broker, RedisInstance redis, TestNamespace namespace) throws Exception {
    var onlyAFarAwayProxy = Map.of("FIXMO_TRUSTED_PROXIES", "10.9.0.0/16");
    try (FixmoSystem system =
        FixmoSystem.start(broker, redis.url(), namespace, onlyAFarAwayProxy)) {
      Api api = system.api();
      for (int i = 0; i < 5; i++) {
        String email = "user" + i + "@example.com";
        api.login(email, "wrong password", "X-Forwarded-For", "198.51.100." + i);
      }

      var sixth =
          api.login("user9@example.com", "wrong password", "X-Forwarded-For", "198.51.100.9");

      assertThat(sixth.status()).isEqualTo(429);
    }
  }
}
