package app.fixmo.benchmarks.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.workers.jobs.JobListener;
import app.fixmo.workers.jobs.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Hears the worker settle each job: counts the successes, notes the first and the last, and takes
 * the submit-to-done latency of each job submitted after the warm-up. Done means the effect ran and
 * its status and done mark are in Redis; the acknowledgement follows.
 */
final class Completions implements JobListener {

  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

  private final LongAdder succeeded = new LongAdder();
  private final LongAdder other = new LongAdder();
  private final AtomicLong firstNanos = new AtomicLong();
  private final AtomicLong lastNanos = new AtomicLong();
  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private volatile Instant recordFrom = Instant.MAX;

  @Override
  public void settled(Job job, Settlement settlement, Instant at) {
    if (settlement != Settlement.SUCCEEDED) {
      other.increment();
      return;
    }
    long now = System.nanoTime();
    firstNanos.compareAndSet(0, now);
    lastNanos.set(now);
    succeeded.increment();
    if (!job.submittedAt().isBefore(recordFrom)) {
      long micros = Duration.between(job.submittedAt(), at).toNanos() / 1000;
      latencyMicros.recordValue(Math.max(0, Math.min(MAX_MICROS, micros)));
    }
  }

  /** Takes the latencies of jobs submitted from this time on. */
  void recordFrom(Instant from) {
    recordFrom = from;
  }

  long succeeded() {
    return succeeded.sum();
  }

  long other() {
    return other.sum();
  }

  /** Returns the time from the first success to the last, as seen by this JVM. */
  Duration firstToLast() {
    return Duration.ofNanos(lastNanos.get() - firstNanos.get());
  }

  /** Starts the count again, for the next phase. */
  void reset() {
    succeeded.reset();
    other.reset();
    firstNanos.set(0);
    lastNanos.set(0);
    latencyMicros.reset();
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }
}
