package app.fixmo.cli;

import app.fixmo.cli.DemoClient.Call;
import app.fixmo.cli.DemoClient.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One seeding run: sends the calls, counts what it made and keeps every failure to report. */
final class DemoRun {

  /** How long seeding may take before the rest is skipped, so a broken part cannot stall dev. */
  static final Duration BUDGET = Duration.ofSeconds(90);

  private final DemoClient client;
  private final long deadline = System.nanoTime() + BUDGET.toNanos();
  private final AtomicBoolean pastDeadline = new AtomicBoolean();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();

  DemoRun(DemoClient client) {
    this.client = client;
  }

  /**
   * Sends a call on behalf of an account; an answer with another status than those accepted is
   * recorded as a failure, with its status and body, and gives an empty result.
   */
  Optional<Reply> expect(String who, Call call, int... accepted) {
    if (System.nanoTime() - deadline > 0) {
      if (!pastDeadline.getAndSet(true)) {
        failures.add("seeding took over " + BUDGET.toSeconds() + " s; the rest is skipped");
      }
      return Optional.empty();
    }
    try {
      Reply reply = client.send(call);
      if (Arrays.stream(accepted).anyMatch(status -> status == reply.status())) {
        return Optional.of(reply);
      }
      fail(who, call, reply);
    } catch (IOException e) {
      failures.add(who + ": " + call + " -> " + e);
    }
    return Optional.empty();
  }

  /** Records a failure that the caller decided on, with the answer it got. */
  void fail(String who, Call call, Reply reply) {
    failures.add(who + ": " + call + " -> " + reply.status() + " " + oneLine(reply.text()));
  }

  /** Records a failure that no single answer explains. */
  void note(String failure) {
    failures.add(failure);
  }

  /** Counts one more thing of a kind. */
  void count(String kind) {
    add(kind, 1);
  }

  /** Adds to the count of a kind. */
  void add(String kind, int amount) {
    counts.computeIfAbsent(kind, k -> new AtomicInteger()).addAndGet(amount);
  }

  /** Returns how many things of a kind were counted. */
  int counted(String kind) {
    AtomicInteger count = counts.get(kind);
    return count == null ? 0 : count.get();
  }

  /** Returns the failures, in the order they happened. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Runs a step for each item on a few virtual threads, and waits for all of them. */
  <T> void inParallel(List<T> items, int threads, Consumer<T> step) {
    try (ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofVirtual().factory())) {
      items.forEach(item -> pool.execute(() -> guarded(item, step)));
    }
  }

  /** Keeps a bug in one step from passing unseen on a pool thread. */
  private <T> void guarded(T item, Consumer<T> step) {
    try {
      step.accept(item);
    } catch (RuntimeException e) {
      failures.add(item + ": " + e);
    }
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
