package app.fixmo.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The GCRA script's decisions, on a real Redis, at instants the test chooses. A bucket's key still
 * expires in real time (after the time the bucket takes to fill), so each test drains enough for
 * its key to outlive it.
 */
@WithKafkaAndRedis
class TokenBucketLimiterTest {

  private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
  private static final int RATE = 10;
  private static final int BURST = 20;

  private FixmoConfig config;
  private RedissonClient redis;

  @BeforeEach
  void connect(RedisInstance instance, TestNamespace namespace) {
    config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", instance.url(), "FIXMO_NAMESPACE", namespace.value()));
    redis = RedisClients.create(config);
  }

  @AfterEach
  void disconnect() {
    redis.shutdown();
  }

  @Test
  void aFullBucketAllowsTheBurstAtOnceThenRefuses() {
    List<RateDecision> decisions = hits("burst", T0, BURST + 1);

    assertThat(decisions.subList(0, BURST)).allMatch(RateDecision::allowed);
    assertThat(decisions.get(0).remaining()).isEqualTo(BURST - 1);
    assertThat(decisions.get(BURST - 1).remaining()).isZero();
    RateDecision refused = decisions.get(BURST);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.limit()).isEqualTo(BURST);
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetSeconds()).isEqualTo(1);
  }

  @Test
  void tokensComeBackOneEveryTenthOfASecond() {
    hits("refill", T0, BURST);

    RateDecision tooSoon = hitAt("refill", T0.plusMillis(99));
    RateDecision onTime = hitAt("refill", T0.plusMillis(100));
    RateDecision next = hitAt("refill", T0.plusMillis(100));

    assertThat(tooSoon.allowed()).isFalse();
    assertThat(onTime.allowed()).isTrue();
    assertThat(onTime.remaining()).isZero();
    assertThat(next.allowed()).isFalse();
  }

  @Test
  void refusedRequestsTakeNoToken() {
    hits("refused", T0, BURST);
    hits("refused", T0.plusMillis(50), 30);

    assertThat(hitAt("refused", T0.plusMillis(100)).allowed()).isTrue();
  }

  @Test
  void anIdleSubjectGetsItsWholeBurstBackAndNoMore() {
    hits("idle", T0, BURST);

    List<RateDecision> later = hits("idle", T0.plus(Duration.ofMinutes(5)), BURST + 1);

    assertThat(later.subList(0, BURST)).allMatch(RateDecision::allowed);
    assertThat(later.get(BURST).allowed()).isFalse();
  }

  @Test
  void resetTellsWhenTheBucketIsFullAgain() {
    List<RateDecision> decisions = hits("reset", T0, 15);

    assertThat(decisions.get(0).resetSeconds()).isEqualTo(1);
    assertThat(decisions.get(14).resetSeconds()).isEqualTo(2);
  }

  @Test
  void subjectsHaveBucketsOfTheirOwn() {
    hits("203.0.113.1", T0, BURST + 1);

    RateDecision other = hitAt("203.0.113.2", T0);

    assertThat(other.allowed()).isTrue();
    assertThat(other.remaining()).isEqualTo(BURST - 1);
  }

  @Test
  void theKeyExpiresOnceTheBucketWouldBeFull() {
    hits("expiry", T0, 5);

    long millisToLive = bucketKey("expiry").remainTimeToLive();

    assertThat(millisToLive).isBetween(1L, 500L);
  }

  @Test
  void aFlushedScriptCacheIsRefilledOnTheNextRequest() {
    hits("flush", T0, 15);
    redis.getScript(StringCodec.INSTANCE).scriptFlush();

    RateDecision afterFlush = hitAt("flush", T0);

    assertThat(afterFlush.allowed()).isTrue();
    assertThat(afterFlush.remaining()).isEqualTo(BURST - 16);
  }

  private List<RateDecision> hits(String subject, Instant at, int count) {
    List<RateDecision> decisions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      decisions.add(hitAt(subject, at));
    }
    return decisions;
  }

  private RateDecision hitAt(String subject, Instant at) {
    Clock clock = Clock.fixed(at, ZoneOffset.UTC);
    return new TokenBucketLimiter(redis, config, "test", RATE, BURST, clock).hit(subject);
  }

  private org.redisson.api.RBucket<String> bucketKey(String subject) {
    return redis.getBucket(
        RedisClients.key(config, "ratelimit:test:" + subject), StringCodec.INSTANCE);
  }
}
