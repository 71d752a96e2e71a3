package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/** Jobs, handlers and listeners the worker tests use. */
final class TestJobs {

  static final String RECORD = "test.record";
  static final String WORK = "test.work";

  private TestJobs() {}

  /** Builds the first attempt of a job, submitted now. */
  static Job job(String queue, String type, Object payload) {
    return new Job(
        Ids.newId(),
        queue,
        type,
        Json.toTree(payload),
        1,
        null,
        null,
        "test",
        Instant.now(),
        Job.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        null);
  }

  /** Counts each job's effect, across every worker of the test. */
  static final class Effects {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(Job job) {
      counts.computeIfAbsent(job.id().toString(), id -> new AtomicInteger()).incrementAndGet();
    }

    int of(Job job) {
      AtomicInteger count = counts.get(job.id().toString());
      return count == null ? 0 : count.get();
    }

    Map<String, AtomicInteger> all() {
      return counts;
    }
  }

  /** A job type whose effect is recorded. */
  static JobHandler recording(Effects effects) {
    return new JobHandler() {
      @Override
      public String type() {
        return RECORD;
      }

      @Override
      public void handle(Job job) {
        effects.record(job);
      }
    };
  }

  /** A job type that keeps a CPU busy for a while, as real work would. */
  static JobHandler busy(Duration work) {
    return new JobHandler() {
      @Override
      public String type() {
        return WORK;
      }

      @Override
      public void handle(Job job) {
        long until = System.nanoTime() + work.toNanos();
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
    };
  }

  /** What a listener heard: each settlement, in order. */
  record Heard(Job job, Settlement settlement, Instant at) {}

  /** A listener that keeps what it hears. */
  static final class Recorder implements JobListener {

    private final Queue<Heard> heard = new ConcurrentLinkedQueue<>();

    @Override
    public void settled(Job job, Settlement settlement, Instant at) {
      heard.add(new Heard(job, settlement, at));
    }

    List<Heard> of(Job job) {
      return heard.stream().filter(h -> h.job().id().equals(job.id())).toList();
    }

    long count(String type, Settlement settlement) {
      return heard.stream()
          .filter(h -> h.job().type().equals(type) && h.settlement() == settlement)
          .count();
    }

    Heard await(Job job, Settlement settlement) {
      return Awaitility.await()
          .dontCatchUncaughtExceptions()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () ->
                  of(job).stream()
                      .filter(h -> h.settlement() == settlement)
                      .findFirst()
                      .orElse(null),
              h -> h != null);
    }
  }
}
