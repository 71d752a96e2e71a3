package app.fixmo.workers.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread one lane consumer handles a poll's jobs on, so that a handler past its time limit can
 * be given up on while it is still busy.
 *
 * <p>The consumer's thread hands over a whole poll at once ({@link #runAll}) and watches: the
 * handler thread works through the items in order, and marks each handler call with its deadline
 * ({@link #timed}). When a deadline passes first, the consumer's thread interrupts the handler
 * thread and leaves it behind, settles the timed-out item itself, and a fresh thread goes on with
 * the items after it. One hand-over per poll rather than per job: a hand-over costs a wake-up of
 * each thread, and per job that was an eighth of the worker's throughput.
 *
 * <p>A platform thread rather than a virtual one: a handler busy on the CPU would otherwise hold a
 * carrier thread that the handlers of other lanes need, and a bulk flood could starve critical
 * jobs.
 */
final class HandlerThread implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HandlerThread.class);

  // How often the consumer's thread looks at the open call: the call it saw may have ended and
  // another, of a type with a shorter limit, begun.
  private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final String name;
  private final AtomicReference<TimedCall> open = new AtomicReference<>();
  // The consumer's thread alone starts and leaves behind handler threads, so these are its own.
  private ExecutorService executor;
  private int generation;
  // The item the current handler thread's loop is at. Only that thread uses it: a thread left
  // behind is inside a handler call, and unwinds from there without reading it.
  private int position;

  /** Creates the thread (lazily) with names made of this one and a generation number. */
  HandlerThread(String name) {
    this.name = name;
  }

  /**
   * Runs {@code work} on each item in order, on the handler thread, and returns when all are done.
   * An item whose timed call ran past its deadline is given to {@code timedOut}, on the calling
   * thread, instead of being finished by {@code work}.
   *
   * @throws RuntimeException or {@link Error} as {@code work} threw it; the items after it are left
   *     undone
   */
  <T> void runAll(List<T> items, Consumer<T> work, BiConsumer<T, Duration> timedOut) {
    int from = 0;
    while (from < items.size()) {
      int first = from;
      Future<?> loop = executor().submit(() -> loop(items, first, work));
      TimedCall expired = watch(loop);
      if (expired == null) {
        return;
      }
      timedOut.accept(items.get(expired.position), expired.limit);
      from = expired.position + 1;
    }
  }

  private <T> void loop(List<T> items, int from, Consumer<T> work) {
    for (position = from; position < items.size(); position++) {
      work.accept(items.get(position));
    }
  }

  /**
   * Runs a call of the current item within a time limit; to be called from {@code work} only.
   *
   * @throws Exception what the call threw, if it ended in time
   */
  void timed(Duration limit, HandlerCall call) throws Exception {
    TimedCall timed = new TimedCall(position, limit, System.nanoTime() + limit.toNanos());
    open.set(timed);
    try {
      call.run();
    } catch (Exception | Error e) {
      end(timed);
      throw e;
    }
    end(timed);
  }

  // A call that ended too late, however it ended (the interrupt often makes it throw), belongs
  // to the consumer's thread now: this thread unwinds without a word about it.
  private void end(TimedCall timed) {
    boolean inTime = timed.end();
    // Only its own: a fresh thread may have opened the next item's call meanwhile.
    open.compareAndSet(timed, null);
    if (!inTime) {
      throw new LeftBehind();
    }
  }

  /** Waits for the loop to finish; returns the timed call that expired first, if one did. */
  private TimedCall watch(Future<?> loop) {
    while (true) {
      TimedCall timed = open.get();
      long waitNanos =
          timed == null
              ? LOOK_NANOS
              : Math.min(LOOK_NANOS, timed.deadlineNanos - System.nanoTime());
      try {
        loop.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        return null;
      } catch (ExecutionException e) {
        throw rethrowable(e.getCause());
      } catch (TimeoutException e) {
        if (timed != null && timed == open.get() && timed.expire()) {
          leaveBehind(loop);
          return timed;
        }
      } catch (InterruptedException e) {
        leaveBehind(loop);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while jobs were running", e);
      }
    }
  }

  // The thread may never notice the interrupt; the items after the expired one get a new thread.
  private void leaveBehind(Future<?> loop) {
    loop.cancel(true);
    executor.shutdown();
    executor = null;
    open.set(null);
    log.warn("left handler thread {}-{} behind, still running", name, generation);
  }

  private ExecutorService executor() {
    if (executor == null) {
      String threadName = name + "-" + ++generation;
      executor =
          Executors.newSingleThreadExecutor(
              task -> Thread.ofPlatform().name(threadName).daemon(true).unstarted(task));
    }
    return executor;
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return (RuntimeException) cause;
  }

  /** Lets the thread finish the poll in hand, if any, and end. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdown();
    }
  }

  /** A handler call: what {@link #timed} runs. */
  @FunctionalInterface
  interface HandlerCall {
    void run() throws Exception;
  }

  /**
   * One timed call: whichever side comes first, the call ending or the watcher finding it past its
   * deadline, decides what became of the item; the other side then leaves it alone.
   */
  private static final class TimedCall {

    final int position;
    final Duration limit;
    final long deadlineNanos;
    private final AtomicBoolean decided = new AtomicBoolean();

    TimedCall(int position, Duration limit, long deadlineNanos) {
      this.position = position;
      this.limit = limit;
      this.deadlineNanos = deadlineNanos;
    }

    boolean end() {
      return decided.compareAndSet(false, true);
    }

    boolean expire() {
      return System.nanoTime() - deadlineNanos >= 0 && decided.compareAndSet(false, true);
    }
  }

  /**
   * Unwinds a handler thread whose call was given up on, past every {@code catch (Exception)}, so
   * that it touches nothing the consumer's thread now owns.
   */
  private static final class LeftBehind extends Error {

    private static final long serialVersionUID = 1L;

    LeftBehind() {
      super("ran past its time limit; its item was settled without it", null, false, false);
    }
  }

  /** An attempt that ran past its job type's time limit. */
  static final class TimeLimitExceeded extends Exception {

    private static final long serialVersionUID = 1L;

    TimeLimitExceeded(Duration limit) {
      super("ran past its time limit of " + limit.toMillis() + " ms and was interrupted");
    }

    // The status and the dead letter show this as the error; the class name would add nothing.
    @Override
    public String toString() {
      return getMessage();
    }
  }
}
