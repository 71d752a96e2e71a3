package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerThreadTest {

  private static final Duration LIMIT = Duration.ofMillis(300);

  private final HandlerThread thread = new HandlerThread("jobs-default-0");
  private final Map<String, String> ranOn = new ConcurrentHashMap<>();
  private final List<String> finished = new CopyOnWriteArrayList<>();
  private final List<String> timedOut = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    thread.close();
  }

  @Test
  void itemsRunInOrderOnOneThreadThatIsNotTheCallers() {
    thread.runAll(List.of("a", "b", "c"), item -> work(item, () -> {}), this::timedOut);

    assertThat(finished).containsExactly("a", "b", "c");
    assertThat(ranOn)
        .containsOnly(
            Map.entry("a", "jobs-default-0-1"),
            Map.entry("b", "jobs-default-0-1"),
            Map.entry("c", "jobs-default-0-1"));
    assertThat(timedOut).isEmpty();
  }

  @Test
  void callPastItsLimitIsInterruptedAndTheItemsAfterItRunOnAFreshThread() throws Exception {
    AtomicReference<Thread> leftBehind = new AtomicReference<>();
    HandlerThread.HandlerCall sleeper =
        () -> {
          leftBehind.set(Thread.currentThread());
          Thread.sleep(Duration.ofSeconds(30));
        };

    long started = System.nanoTime();
    thread.runAll(
        List.of("a", "slow", "c"),
        item -> work(item, item.equals("slow") ? sleeper : () -> {}),
        this::timedOut);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(timedOut)
        .containsExactly("slow after 300 ms on " + Thread.currentThread().getName());
    assertThat(finished).containsExactly("a", "c");
    assertThat(ranOn).containsEntry("a", "jobs-default-0-1").containsEntry("c", "jobs-default-0-2");
    assertThat(took).isBetween(LIMIT, LIMIT.plusMillis(500));
    // Interrupted, the sleep threw and the thread ended long before its 30 s; what it threw
    // reached no one, since "slow" was settled already.
    assertThat(endsWithin(leftBehind.get(), Duration.ofSeconds(5))).isTrue();
    assertThat(finished).containsExactly("a", "c");
  }

  @Test
  void shortLimitOfACallIsKeptThoughALongerOneWasOpenBeforeIt() {
    HandlerThread.HandlerCall sleepsPastTheShortLimit = () -> Thread.sleep(Duration.ofSeconds(30));
    HandlerThread.HandlerCall takesAWhile = () -> Thread.sleep(Duration.ofMillis(150));

    long started = System.nanoTime();
    thread.runAll(
        List.of("patient", "slow"),
        item -> {
          if (item.equals("patient")) {
            work(item, Duration.ofSeconds(10), takesAWhile);
          } else {
            work(item, LIMIT, sleepsPastTheShortLimit);
          }
        },
        this::timedOut);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(finished).containsExactly("patient");
    assertThat(timedOut).hasSize(1).allMatch(line -> line.startsWith("slow after 300 ms"));
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void callThatIgnoresTheInterruptHoldsNeitherTheCallerNorTheItemsAfterIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> leftBehind = new AtomicReference<>();
    HandlerThread.HandlerCall stubborn =
        () -> {
          leftBehind.set(Thread.currentThread());
          while (release.getCount() > 0) {
            Thread.onSpinWait();
          }
        };

    thread.runAll(
        List.of("stubborn", "b"),
        item -> work(item, item.equals("stubborn") ? stubborn : () -> {}),
        this::timedOut);
    release.countDown();

    assertThat(endsWithin(leftBehind.get(), Duration.ofSeconds(5))).isTrue();
    assertThat(timedOut).hasSize(1).allMatch(line -> line.startsWith("stubborn after 300 ms"));
    assertThat(finished).containsExactly("b");
  }

  @Test
  void callThatEndsInTimeGivesWorkWhatItThrew() {
    thread.runAll(
        List.of("failing"),
        item ->
            work(
                item,
                () -> {
                  throw new IllegalStateException("mail server said 451");
                }),
        this::timedOut);

    assertThat(finished).containsExactly("failing threw mail server said 451");
  }

  @Test
  void errorOfTheWorkReachesTheCallerAndLeavesTheRestUndone() {
    assertThatThrownBy(
            () ->
                thread.runAll(
                    List.of("crash", "b"),
                    item -> {
                      throw new OutOfMemoryError("simulated");
                    },
                    this::timedOut))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("simulated");
    assertThat(finished).isEmpty();
  }

  private static boolean endsWithin(Thread thread, Duration wait) throws InterruptedException {
    return thread.join(wait);
  }

  /** What a job runner does with an item: one timed call, then a note of how it ended. */
  private void work(String item, HandlerThread.HandlerCall call) {
    work(item, LIMIT, call);
  }

  private void work(String item, Duration limit, HandlerThread.HandlerCall call) {
    ranOn.put(item, Thread.currentThread().getName());
    try {
      thread.timed(limit, call);
      finished.add(item);
    } catch (Exception e) {
      finished.add(item + " threw " + e.getMessage());
    }
  }

  private void timedOut(String item, Duration limit) {
    timedOut.add(
        item + " after " + limit.toMillis() + " ms on " + Thread.currentThread().getName());
  }
}
