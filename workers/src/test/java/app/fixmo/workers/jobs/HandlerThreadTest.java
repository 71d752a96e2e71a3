package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HandlerThreadTest {

  private static final Duration LIMIT = Duration.ofMillis(300);
  private static final Job JOB = TestJobs.job("default", "test.thread", Map.of());

  private final HandlerThread thread = new HandlerThread("jobs-default-0");
  private final List<String> threadNames = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    thread.close();
    MDC.clear();
  }

  @Test
  void handlerRunsOnItsOwnThreadWithTheConsumersLogContext() throws Exception {
    MDC.put(LogFields.JOB_ID, "job-7");
    List<String> seenJobIds = new CopyOnWriteArrayList<>();

    thread.run(handler(job -> seenJobIds.add(MDC.get(LogFields.JOB_ID))), JOB, LIMIT);
    thread.run(handler(job -> seenJobIds.add(MDC.get(LogFields.JOB_ID))), JOB, LIMIT);

    assertThat(seenJobIds).containsExactly("job-7", "job-7");
    assertThat(threadNames).containsExactly("jobs-default-0-1", "jobs-default-0-1");
  }

  @Test
  void handlerPastTheLimitIsInterruptedAndTheNextJobGetsAFreshThread() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    JobHandler sleeper =
        handler(
            job -> {
              try {
                Thread.sleep(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
            });

    long started = System.nanoTime();
    assertThatThrownBy(() -> thread.run(sleeper, JOB, LIMIT))
        .isInstanceOf(HandlerThread.TimeLimitExceeded.class)
        .hasMessage("ran past its time limit of 300 ms and was interrupted");
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    thread.run(handler(job -> {}), JOB, LIMIT);

    assertThat(waited).isBetween(LIMIT, LIMIT.plusMillis(500));
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(threadNames).containsExactly("jobs-default-0-1", "jobs-default-0-2");
  }

  @Test
  void handlerThatIgnoresTheInterruptNoLongerHoldsTheConsumer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    JobHandler stubborn =
        handler(
            job -> {
              while (release.getCount() > 0) {
                Thread.onSpinWait();
              }
            });

    assertThatThrownBy(() -> thread.run(stubborn, JOB, LIMIT))
        .isInstanceOf(HandlerThread.TimeLimitExceeded.class);
    List<String> ran = new CopyOnWriteArrayList<>();
    thread.run(handler(job -> ran.add("next")), JOB, LIMIT);
    release.countDown();

    assertThat(ran).containsExactly("next");
  }

  @Test
  void exceptionsAndErrorsOfTheHandlerReachTheConsumerAsThrown() {
    JobHandler failing =
        handler(
            job -> {
              throw new IllegalStateException("mail server said 451");
            });
    JobHandler crashing =
        handler(
            job -> {
              throw new OutOfMemoryError("simulated");
            });

    assertThatThrownBy(() -> thread.run(failing, JOB, LIMIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mail server said 451");
    assertThatThrownBy(() -> thread.run(crashing, JOB, LIMIT))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("simulated");
  }

  private interface Body {
    void handle(Job job) throws Exception;
  }

  private JobHandler handler(Body body) {
    return new JobHandler() {
      @Override
      public String type() {
        return "test.thread";
      }

      @Override
      public void handle(Job job) throws Exception {
        threadNames.add(Thread.currentThread().getName());
        body.handle(job);
      }
    };
  }
}
