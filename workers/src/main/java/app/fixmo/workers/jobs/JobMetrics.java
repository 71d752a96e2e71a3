package app.fixmo.workers.jobs;

import app.fixmo.schemas.jobs.DeadJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job meters, per queue and type. Types are bounded: a type without a handler is counted as
 * {@value #UNKNOWN_TYPE}, and a record that could not be read as {@value #UNREADABLE}.
 */
final class JobMetrics {

  static final String UNKNOWN_TYPE = "unknown";
  static final String UNREADABLE = "unreadable";

  private final MeterRegistry registry;
  private final Map<String, Meters> meters = new ConcurrentHashMap<>();

  JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Returns the meters of one queue and type. */
  Meters of(String queue, String type) {
    return meters.computeIfAbsent(queue + "\n" + type, k -> new Meters(registry, queue, type));
  }

  /** The meters of one queue and type. */
  static final class Meters {

    final Counter submitted;
    final Counter started;
    final Counter succeeded;
    final Counter retried;
    final Counter duplicates;
    final Timer duration;
    final Timer queueWait;
    private final Map<DeadJob.Reason, Counter> dead = new EnumMap<>(DeadJob.Reason.class);

    private Meters(MeterRegistry registry, String queue, String type) {
      Tags tags = Tags.of("queue", queue, "type", type);
      submitted =
          counter(
              registry, "fixmo.jobs.submitted", tags, "jobs whose first attempt reached a lane");
      started = counter(registry, "fixmo.jobs.started", tags, "attempts started");
      succeeded = counter(registry, "fixmo.jobs.succeeded", tags, "jobs that succeeded");
      retried =
          counter(registry, "fixmo.jobs.retried", tags, "failed attempts with another scheduled");
      duplicates =
          counter(
              registry,
              "fixmo.jobs.duplicates",
              tags,
              "deliveries acknowledged without running: the job or attempt had ended already");
      duration = timer(registry, "fixmo.jobs.duration", tags, "how long attempts ran");
      queueWait =
          timer(
              registry,
              "fixmo.jobs.queue.wait",
              tags,
              "from when an attempt was ready (submitted or due) until it started");
      for (DeadJob.Reason reason : DeadJob.Reason.values()) {
        dead.put(
            reason,
            counter(
                registry,
                "fixmo.jobs.dead",
                tags.and("reason", reason.wireName()),
                "jobs sent to the dead-letter topic"));
      }
    }

    /** Counts a job sent to the dead-letter topic. */
    void dead(DeadJob.Reason reason) {
      dead.get(reason).increment();
    }

    /** Records how long an attempt waited, ignoring clock skew that makes it negative. */
    void waited(Duration wait) {
      queueWait.record(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Counter counter(
        MeterRegistry registry, String name, Tags tags, String description) {
      return Counter.builder(name).tags(tags).description(description).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String name, Tags tags, String description) {
      return Timer.builder(name)
          .tags(tags)
          .description(description)
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofMinutes(10))
          .register(registry);
    }
  }
}
