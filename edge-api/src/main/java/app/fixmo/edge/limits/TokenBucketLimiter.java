package app.fixmo.edge.limits;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * A token bucket per subject in Redis, as the generic cell rate algorithm (GCRA): {@code burst}
 * requests at once, refilled at {@code ratePerSecond}. Redis keeps one number per subject, the
 * theoretical arrival time (TAT) of its next request, so the limit holds across every edge that
 * shares the Redis; the key expires as the bucket fills up again.
 *
 * <p>One round trip per request: the script is called by its SHA-1 ({@code EVALSHA}), and sent in
 * full only when Redis does not know it (after a restart or {@code SCRIPT FLUSH}).
 *
 * <p>The time is the calling edge's clock, in microseconds. Edges whose clocks disagree by {@code
 * s} seconds let a client that switches between them gain at most {@code s * ratePerSecond}
 * requests; with clocks kept by NTP that is far below one request.
 */
public final class TokenBucketLimiter {

  // KEYS[1] the subject's TAT; ARGV now, interval between tokens and burst, times in microseconds.
  // Answers {allowed, remaining, micros}: micros is the time until the bucket is full when
  // allowed, and the time until the next request is allowed when refused.
  static final String SCRIPT =
      """
      local now = tonumber(ARGV[1])
      local interval = tonumber(ARGV[2])
      local capacity = interval * tonumber(ARGV[3])
      local tat = tonumber(redis.call('GET', KEYS[1]) or now)
      if tat < now then tat = now end
      local ahead = tat + interval - now
      if ahead > capacity then
        return {0, 0, ahead - capacity}
      end
      redis.call('SET', KEYS[1], string.format('%d', now + ahead), 'PX', math.ceil(ahead / 1000))
      return {1, math.floor((capacity - ahead) / interval), ahead}
      """;

  private static final String SCRIPT_SHA = sha1(SCRIPT);
  private static final long MICROS_PER_SECOND = 1_000_000;

  private final RScript scripts;
  private final FixmoConfig config;
  private final String name;
  private final long burst;
  private final long intervalMicros;
  private final Clock clock;

  public TokenBucketLimiter(
      RedissonClient redis,
      FixmoConfig config,
      String name,
      int ratePerSecond,
      int burst,
      Clock clock) {
    this.scripts = redis.getScript(StringCodec.INSTANCE);
    this.config = config;
    this.name = name;
    this.burst = burst;
    this.intervalMicros = Math.max(1, MICROS_PER_SECOND / ratePerSecond);
    this.clock = clock;
  }

  /** Takes a token for a subject if there is one, and says how the subject stands. */
  public RateDecision hit(String subject) {
    List<Object> keys = List.of(RedisClients.key(config, "ratelimit:" + name + ":" + subject));
    Object[] args = {
      Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant())),
      Long.toString(intervalMicros),
      Long.toString(burst)
    };
    List<Long> reply = run(keys, args);
    boolean allowed = reply.get(0) == 1;
    long seconds = Math.max(1, (reply.get(2) + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND);
    return new RateDecision(allowed, burst, reply.get(1), seconds);
  }

  private List<Long> run(List<Object> keys, Object[] args) {
    try {
      return scripts.evalSha(
          RScript.Mode.READ_WRITE, SCRIPT_SHA, RScript.ReturnType.LIST, keys, args);
    } catch (RedisNoScriptException e) {
      return scripts.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST, keys, args);
    }
  }

  private static String sha1(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
  }
}
