package app.fixmo.schemas.jobs;

import java.time.Duration;

/**
 * How a job type is retried: how many attempts it gets, and how long to wait before each retry.
 *
 * <p>The wait before attempt {@code n + 1} is {@code base * 2^(n-1)}, capped at {@code cap}, and
 * then shortened by a random part of up to a quarter (jitter), so that jobs which failed together
 * do not all come back at once. Keeping three quarters of the exponential step means each wait is
 * longer than the one before until the cap is reached.
 *
 * @param maxAttempts how many attempts a job gets in all, counting the first
 * @param base the wait after the first failed attempt, before jitter
 * @param cap the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 1000, was " + maxAttempts);
    }
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "base must be positive and cap at least base, were " + base + " and " + cap);
    }
  }

  /** Tells whether a job whose attempt {@code attempt} failed may have another. */
  public boolean allowsAttemptAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * Returns the wait before the attempt after {@code failedAttempt}.
   *
   * @param random a number in {@code [0, 1)} choosing the jitter
   */
  public Duration backoffAfter(int failedAttempt, double random) {
    double step = base.toMillis() * Math.pow(2, Math.max(0, failedAttempt - 1));
    double capped = Math.min(step, cap.toMillis());
    return Duration.ofMillis(Math.round(capped * (1 - 0.25 * random)));
  }
}
