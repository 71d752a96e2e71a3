package app.fixmo.edge.limits;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.envelopes.Problem;
import io.javalin.http.Context;
import java.util.Map;

/**
 * A rate limiter's answer for one attempt.
 *
 * @param allowed whether the attempt may go ahead
 * @param limit attempts allowed per window
 * @param remaining attempts left in this window
 * @param resetSeconds seconds until the window resets
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds) {

  /** Returns the stricter of two decisions (the one that refuses, or has less left). */
  public RateDecision stricter(RateDecision other) {
    if (allowed != other.allowed) {
      return allowed ? other : this;
    }
    if (!allowed) {
      return resetSeconds >= other.resetSeconds ? this : other;
    }
    return remaining <= other.remaining ? this : other;
  }

  /** Adds the {@code RateLimit-*} headers; throws a 429 with {@code Retry-After} if refused. */
  public void enforce(Context ctx) {
    addHeaders(ctx);
    if (!allowed) {
      refuse(
          Problem.of(
              429,
              "rate-limited",
              "Too many requests",
              "try again in " + resetSeconds + " seconds"));
    }
  }

  /** As {@link #enforce(Context)}, answering a refusal with a problem of the route's own. */
  public void enforce(Context ctx, Problem refusal) {
    addHeaders(ctx);
    if (!allowed) {
      refuse(refusal);
    }
  }

  private void addHeaders(Context ctx) {
    ctx.header("RateLimit-Limit", Long.toString(limit));
    ctx.header("RateLimit-Remaining", Long.toString(remaining));
    ctx.header("RateLimit-Reset", Long.toString(resetSeconds));
  }

  private void refuse(Problem refusal) {
    throw new ApiException(refusal, Map.of("Retry-After", Long.toString(resetSeconds)));
  }
}
