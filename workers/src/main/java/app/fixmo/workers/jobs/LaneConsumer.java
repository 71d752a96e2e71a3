package app.fixmo.workers.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One share consumer of one lane, on a thread of its own: polls, hands the records to the {@link
 * JobRunner}, acknowledges each as the runner decided, and commits.
 *
 * <p>Stopping finishes the job in hand and hands the rest of the poll back (release), so another
 * worker takes them at once. The same happens when half the acquisition lock time has passed within
 * one poll: past the lock the broker would give the records to someone else while this worker still
 * holds them. Each handler runs on the consumer's {@link HandlerThread}, within its time limit.
 */
final class LaneConsumer implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(LaneConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final Lane lane;
  private final String topic;
  private final KafkaShareConsumer<String, byte[]> consumer;
  private final JobRunner runner;
  private final Clock clock;
  private volatile boolean running = true;

  LaneConsumer(
      Lane lane,
      String topic,
      KafkaShareConsumer<String, byte[]> consumer,
      JobRunner runner,
      Clock clock) {
    this.lane = lane;
    this.topic = topic;
    this.consumer = consumer;
    this.runner = runner;
    this.clock = clock;
  }

  @Override
  public void run() {
    try (HandlerThread handlerThread = new HandlerThread(Thread.currentThread().getName())) {
      consumer.subscribe(List.of(topic));
      while (running) {
        pollOnce(handlerThread);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (Error e) {
      // The records in hand are not acknowledged; closing hands them back to the broker.
      log.error("job consumer of lane {} stopped by a fatal error", lane.queue(), e);
      throw e;
    } finally {
      commitPending();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void pollOnce(HandlerThread handlerThread) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    consumer.poll(POLL).forEach(records::add);
    if (records.isEmpty()) {
      return;
    }
    long lockMillis =
        consumer.acquisitionLockTimeoutMs().orElse((int) ShareGroups.RECORD_LOCK.toMillis());
    long deadline = clock.millis() + lockMillis / 2;
    JobRunner.Outcome outcome = run(records, deadline, handlerThread);
    for (int i = 0; i < records.size(); i++) {
      consumer.acknowledge(records.get(i), outcome.acknowledgements().get(i));
    }
    consumer.commitAsync();
    if (outcome.dependencyFailed()) {
      pause();
    }
  }

  private JobRunner.Outcome run(
      List<ConsumerRecord<String, byte[]>> records, long deadline, HandlerThread handlerThread) {
    try {
      BooleanSupplier mayStart = () -> running && clock.millis() < deadline;
      return runner.run(lane, records, mayStart, handlerThread);
    } catch (RuntimeException e) {
      // A fault in the runner itself: hand the whole poll back; jobs that ran are marked done.
      log.error(
          "job runner failed on lane {}; handing {} jobs back", lane.queue(), records.size(), e);
      return new JobRunner.Outcome(
          Collections.nCopies(records.size(), AcknowledgeType.RELEASE), true);
    }
  }

  // After Redis or Kafka failed, wait a little: polling again at once would hand the same jobs
  // back and forth and spend their delivery counts.
  private void pause() {
    try {
      Thread.sleep(PAUSE_AFTER_FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitPending() {
    try {
      consumer.commitSync(Duration.ofSeconds(5));
    } catch (WakeupException e) {
      consumer.commitSync(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      log.warn("could not commit acknowledgements on stop: {}", e.toString());
    }
  }

  /** Stops after the job in hand; the thread closes the consumer. */
  void stop() {
    running = false;
    consumer.wakeup();
  }
}
