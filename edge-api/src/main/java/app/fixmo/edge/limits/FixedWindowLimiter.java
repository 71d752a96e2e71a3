package app.fixmo.edge.limits;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Counts attempts per subject in fixed windows, in Redis, so the limit holds across every edge
 * instance: at most {@code limit} attempts per window, the window starting at the first attempt.
 * One round trip per attempt (a small script that counts and reports the time left).
 *
 * <p>Redisson's own rate limiter does not report how many attempts remain or when the window
 * resets, which the {@code RateLimit-*} headers need; hence the script.
 */
public final class FixedWindowLimiter {

  private static final String SCRIPT =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
      return {count, ttl}
      """;

  private final RedissonClient redis;
  private final FixmoConfig config;
  private final String name;
  private final int limit;
  private final Duration window;

  public FixedWindowLimiter(
      RedissonClient redis, FixmoConfig config, String name, int limit, Duration window) {
    this.redis = redis;
    this.config = config;
    this.name = name;
    this.limit = limit;
    this.window = window;
  }

  /** Counts one attempt by a subject and says whether it is allowed. */
  public RateDecision hit(String subject) {
    String key = RedisClients.key(config, "ratelimit:" + name + ":" + subject);
    List<Long> reply =
        redis
            .getScript(StringCodec.INSTANCE)
            .eval(
                RScript.Mode.READ_WRITE,
                SCRIPT,
                RScript.ReturnType.LIST,
                List.of(key),
                Long.toString(window.toMillis()));
    long count = reply.get(0);
    long millisLeft = reply.get(1);
    long resetSeconds = Math.max(1, (millisLeft + 999) / 1000);
    return new RateDecision(count <= limit, limit, Math.max(0, limit - count), resetSeconds);
  }
}
