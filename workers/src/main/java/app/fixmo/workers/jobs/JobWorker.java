package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.service.Service;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes one job topic as a queue, through a Kafka share group: many workers take records from
 * the same partitions, each record is acknowledged on its own (accept when done, release for
 * another try, reject when it can never succeed), and Kafka redelivers what a dead worker held.
 *
 * <p>A job's effect happens once even when Kafka delivers it twice: after the effect, a marker
 * {@code fixmo:<ns>:job-done:<job id>} is written to Redis, and a job whose marker exists is
 * accepted without running. What remains is a crash after the effect and before the marker; such a
 * job runs again.
 */
public final class JobWorker implements Service {

  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
  private static final Duration DONE_MARKER_TTL = Duration.ofDays(7);

  private final KafkaClients kafka;
  private final FixmoConfig config;
  private final RedissonClient redis;
  private final Topic<Job> topic;
  private final String groupId;
  private final Map<String, JobHandler> handlers;
  private final int concurrency;
  private final List<Thread> threads = new ArrayList<>();
  private final List<KafkaShareConsumer<String, byte[]>> consumers = new ArrayList<>();
  private volatile boolean running;

  public JobWorker(
      KafkaClients kafka,
      FixmoConfig config,
      RedissonClient redis,
      Topic<Job> topic,
      List<JobHandler> handlers,
      int concurrency) {
    this.kafka = kafka;
    this.config = config;
    this.redis = redis;
    this.topic = topic;
    this.groupId = "fixmo-workers-" + topic.name();
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
    this.concurrency = concurrency;
  }

  @Override
  public String name() {
    return "job-worker " + kafka.name(topic);
  }

  @Override
  public void start() {
    ShareGroups.readFromEarliest(kafka, config.scoped(groupId));
    running = true;
    for (int i = 0; i < concurrency; i++) {
      var consumer =
          new KafkaShareConsumer<>(
              kafka.shareConsumer(groupId, "worker-" + i),
              new StringDeserializer(),
              new ByteArrayDeserializer());
      consumer.subscribe(List.of(kafka.name(topic)));
      consumers.add(consumer);
      threads.add(Thread.ofPlatform().name("job-worker-" + i).start(() -> run(consumer)));
    }
  }

  private void run(KafkaShareConsumer<String, byte[]> consumer) {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          consumer.acknowledge(record, handle(record));
        }
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private AcknowledgeType handle(ConsumerRecord<String, byte[]> record) {
    String requestId = KafkaHeaders.read(record.headers(), KafkaHeaders.REQUEST_ID);
    try (LogContext context = LogContext.of(record, requestId)) {
      return run(Json.read(record.value(), Job.class), record);
    } catch (SchemaViolation e) {
      log.warn("rejecting a job record that breaks the contract: {}", e.getMessage());
      return AcknowledgeType.REJECT;
    }
  }

  private AcknowledgeType run(Job job, ConsumerRecord<String, byte[]> record) {
    try (var jobContext = MDC.putCloseable(LogFields.JOB_ID, job.id().toString())) {
      JobHandler handler = handlers.get(job.type());
      if (handler == null) {
        log.warn("rejecting job of unknown type {}", job.type());
        return AcknowledgeType.REJECT;
      }
      RBucket<String> done = doneMarker(job);
      if (done.isExists()) {
        log.info("job {} already done; acknowledging the redelivery", job.type());
        return AcknowledgeType.ACCEPT;
      }
      return attempt(handler, job, done, record);
    }
  }

  private AcknowledgeType attempt(
      JobHandler handler, Job job, RBucket<String> done, ConsumerRecord<String, byte[]> record) {
    try {
      handler.handle(job);
      done.set("1", DONE_MARKER_TTL);
      log.info("job {} done (delivery {})", job.type(), record.deliveryCount().orElse((short) 1));
      return AcknowledgeType.ACCEPT;
    } catch (Exception e) {
      log.warn("job {} failed, releasing it for another try: {}", job.type(), e.toString());
      return AcknowledgeType.RELEASE;
    }
  }

  private RBucket<String> doneMarker(Job job) {
    return redis.getBucket(RedisClients.key(config, "job-done:" + job.id()), StringCodec.INSTANCE);
  }

  /** Stops taking jobs; jobs in hand are finished, and what was not acknowledged goes back. */
  @Override
  public void close() {
    running = false;
    consumers.forEach(KafkaShareConsumer::wakeup);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
