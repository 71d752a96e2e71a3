package app.fixmo.platform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/** Healthy when Redis answers a command. */
public final class RedisHealthCheck implements HealthCheck {

  private final RedissonClient redis;
  private final Duration timeout;

  public RedisHealthCheck(RedissonClient redis, Duration timeout) {
    this.redis = redis;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public void probe() throws Exception {
    redis
        .getBucket("fixmo:health")
        .isExistsAsync()
        .toCompletableFuture()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
