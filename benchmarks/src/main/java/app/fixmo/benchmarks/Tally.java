package app.fixmo.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one phase of a load run saw, recorded from many threads at once: the latency of every
 * answer, the count of each status and of each kind of failure, a few example answers other than
 * the expected one, and the outcome of read-your-write checks.
 */
final class Tally {

  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(2);
  private static final int EXAMPLES = 5;

  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final List<String> examples = new ArrayList<>();
  private final LongAdder readsChecked = new LongAdder();
  private final LongAdder readsVisible = new LongAdder();

  /** Records an answer and its latency from the scheduled send time. */
  void answered(int status, long latencyNanos) {
    latencyMicros.recordValue(Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  /** Records a call that got no HTTP answer; it counts in the latency as well, at its timeout. */
  void failed(Throwable failure, long latencyNanos) {
    latencyMicros.recordValue(Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    failures.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder()).increment();
  }

  /** Keeps an unexpected answer as an example, up to a few. */
  synchronized void example(String text) {
    if (examples.size() < EXAMPLES) {
      examples.add(text);
    }
  }

  /** Records a read of a just-created resource, and whether it was there. */
  void readBack(boolean visible) {
    readsChecked.increment();
    if (visible) {
      readsVisible.increment();
    }
  }

  /** Returns the latency histogram, in microseconds. */
  Histogram latencyMicros() {
    return latencyMicros;
  }

  /** Returns the count of each status, by status. */
  Map<Integer, Long> statuses() {
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.sum()));
    return counts;
  }

  /** Returns the count of each kind of failure without an answer, by exception name. */
  Map<String, Long> failures() {
    Map<String, Long> counts = new TreeMap<>();
    failures.forEach((kind, count) -> counts.put(kind, count.sum()));
    return counts;
  }

  /** Returns the examples kept. */
  synchronized List<String> examples() {
    return List.copyOf(examples);
  }

  /** Returns how many read-your-write checks ran. */
  long readsChecked() {
    return readsChecked.sum();
  }

  /** Returns how many read-your-write checks found the resource. */
  long readsVisible() {
    return readsVisible.sum();
  }
}
