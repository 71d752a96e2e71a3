package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.service.Service;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job workers of one process: for each lane, as many share consumers as the lane's weight, each
 * on a thread of its own, all sharing one {@link JobRunner}, one producer and one Redis client.
 *
 * <p>Many worker processes may run side by side: the consumers of one lane form one share group
 * across all of them, and the broker hands each record to one consumer at a time, whatever the
 * partition count.
 */
public final class JobWorkers implements Service {

  private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClients kafka;
  private final FixmoConfig config;
  private final RedissonClient redis;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, JobHandler> handlers;
  private final List<Lane> lanes;
  private final JobListener listener;
  private final String instance = "w" + INSTANCES.incrementAndGet();
  private final List<LaneConsumer> consumers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private JobOutbox outbox;
  private JobBacklog backlog;

  /** Creates workers for the configured lanes. */
  public JobWorkers(
      FixmoConfig config,
      RedissonClient redis,
      MeterRegistry registry,
      Clock clock,
      List<JobHandler> handlers) {
    this(config, redis, registry, clock, handlers, Lane.fromConfig(config), JobListener.NONE);
  }

  /** Creates workers for the given lanes, telling a listener what becomes of each delivery. */
  public JobWorkers(
      FixmoConfig config,
      RedissonClient redis,
      MeterRegistry registry,
      Clock clock,
      List<JobHandler> handlers,
      List<Lane> lanes,
      JobListener listener) {
    handlers.forEach(JobWorkers::checkTimeLimit);
    this.kafka = new KafkaClients(config);
    this.config = config;
    this.redis = redis;
    this.registry = registry;
    this.clock = clock;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
    this.lanes = List.copyOf(lanes);
    this.listener = listener;
  }

  @Override
  public String name() {
    return "job-workers";
  }

  @Override
  public void start() {
    List<Lane> served = lanes.stream().filter(lane -> lane.consumers() > 0).toList();
    ShareGroups.configure(kafka, served.stream().map(l -> config.scoped(l.group())).toList());
    outbox = new JobOutbox(kafka);
    JobRunner runner =
        new JobRunner(
            handlers,
            new JobStatusStore(redis, config),
            outbox,
            new JobMetrics(registry),
            listener,
            clock,
            () -> ThreadLocalRandom.current().nextDouble());
    for (Lane lane : served) {
      for (int i = 0; i < lane.consumers(); i++) {
        startConsumer(lane, i, runner);
      }
    }
    backlog = new JobBacklog(kafka, config, served, registry);
    backlog.start();
    log.info("job workers started: {} for types {}", describe(served), handlers.keySet());
  }

  private void startConsumer(Lane lane, int index, JobRunner runner) {
    String name = "jobs-" + lane.queue() + "-" + index;
    Properties props = kafka.shareConsumer(lane.group(), name + "-" + instance);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.get(Settings.JOBS_BATCH_RECORDS));
    props.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
    var consumer =
        new KafkaShareConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    LaneConsumer laneConsumer =
        new LaneConsumer(lane, kafka.name(lane.topic()), consumer, runner, clock);
    consumers.add(laneConsumer);
    threads.add(Thread.ofPlatform().name(name + "-" + instance).start(laneConsumer));
  }

  // A limit past half the record lock would let the broker hand a running job to a second worker.
  private static void checkTimeLimit(JobHandler handler) {
    if (handler.timeLimit().compareTo(ShareGroups.LONGEST_TIME_LIMIT) > 0) {
      throw new IllegalArgumentException(
          "time limit of %s is %s; the longest a worker allows is %s"
              .formatted(handler.type(), handler.timeLimit(), ShareGroups.LONGEST_TIME_LIMIT));
    }
  }

  private static String describe(List<Lane> lanes) {
    return lanes.stream()
        .map(lane -> lane.queue() + " x" + lane.consumers())
        .collect(Collectors.joining(", "));
  }

  /**
   * Stops taking jobs: each consumer finishes the job in hand, hands the rest of its poll back to
   * the broker, commits its acknowledgements and leaves the group.
   */
  @Override
  public void close() {
    consumers.forEach(LaneConsumer::stop);
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (backlog != null) {
      backlog.close();
    }
    if (outbox != null) {
      outbox.close();
    }
  }
}
