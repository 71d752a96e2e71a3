package app.fixmo.edge.limits;

import app.fixmo.edge.http.ApiPaths;
import app.fixmo.edge.http.ClientAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API-wide rate limit: every request under {@code /api}, except health probes and the metrics
 * scrape, takes a token from its client address's bucket before its route runs; every such answer
 * carries the {@code RateLimit-*} headers, and a refusal is a 429 with {@code Retry-After}.
 *
 * <p>When Redis does not answer, requests go through unlimited: the limit protects capacity, and
 * without Redis there is little left to protect. Redis is then left alone for a few seconds, so
 * that an outage does not add Redis's timeout to every request; each such pause is logged once.
 */
public final class ApiRateLimit {

  private static final Logger log = LoggerFactory.getLogger(ApiRateLimit.class);
  private static final long PAUSE_NANOS = Duration.ofSeconds(5).toNanos();

  private final TokenBucketLimiter limiter;
  private final ClientAddress clients;
  private volatile long pausedUntil = System.nanoTime();

  public ApiRateLimit(TokenBucketLimiter limiter, ClientAddress clients) {
    this.limiter = limiter;
    this.clients = clients;
  }

  /** Registers the limit as a before-handler on {@code /api/*}. */
  public void install(RoutesConfig routes) {
    routes.before("/api/*", this::limit);
  }

  private void limit(Context ctx) {
    if (ApiPaths.isOperational(ctx.path()) || System.nanoTime() - pausedUntil < 0) {
      return;
    }
    RateDecision decision;
    try {
      decision = limiter.hit(clients.of(ctx));
    } catch (RedisException e) {
      pausedUntil = System.nanoTime() + PAUSE_NANOS;
      log.warn("rate limit paused for 5 s, Redis did not answer: {}", e.toString());
      return;
    }
    decision.enforce(ctx);
  }
}
