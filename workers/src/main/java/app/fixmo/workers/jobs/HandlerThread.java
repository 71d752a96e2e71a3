package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The thread one lane consumer runs its handlers on, so that an attempt past its time limit can be
 * failed while its handler is still busy. The consumer waits for each handler up to the job type's
 * limit; past it the handler's thread is interrupted and left behind, and a fresh thread runs the
 * next job.
 *
 * <p>A platform thread rather than a virtual one: a handler busy on the CPU would otherwise hold a
 * carrier thread that the handlers of other lanes need, and a bulk flood could starve critical
 * jobs.
 */
final class HandlerThread implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HandlerThread.class);

  private final String name;
  private final AtomicInteger generation = new AtomicInteger();
  private ExecutorService executor;

  /** Creates the thread (lazily) with names made of this one and a generation number. */
  HandlerThread(String name) {
    this.name = name;
  }

  /**
   * Runs the handler on the job and waits up to the limit.
   *
   * @throws TimeLimitExceeded if the handler was still running at the limit
   * @throws Exception whatever the handler threw; an {@link Error} is thrown as it is
   */
  void run(JobHandler handler, Job job, Duration limit) throws Exception {
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    Future<?> attempt = executor().submit(() -> handleWithContext(handler, job, logContext));
    try {
      attempt.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (TimeoutException e) {
      abandon(attempt);
      throw new TimeLimitExceeded(limit);
    } catch (InterruptedException e) {
      abandon(attempt);
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static Void handleWithContext(JobHandler handler, Job job, Map<String, String> logContext)
      throws Exception {
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    try {
      handler.handle(job);
      return null;
    } finally {
      MDC.clear();
    }
  }

  // The stuck thread may never notice the interrupt; the next job gets a thread of its own.
  private void abandon(Future<?> attempt) {
    attempt.cancel(true);
    executor.shutdown();
    executor = null;
    log.warn("left a handler thread of {} behind, still running past its time limit", name);
  }

  private ExecutorService executor() {
    if (executor == null) {
      String threadName = name + "-" + generation.incrementAndGet();
      executor =
          Executors.newSingleThreadExecutor(
              task -> Thread.ofPlatform().name(threadName).daemon(true).unstarted(task));
    }
    return executor;
  }

  private static Exception rethrowable(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return (Exception) cause;
  }

  /** Lets the thread finish the job in hand, if any, and end. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdown();
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
