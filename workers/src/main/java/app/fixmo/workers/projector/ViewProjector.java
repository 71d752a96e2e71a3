package app.fixmo.workers.projector;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.platform.requests.RequestStatusStore;
import app.fixmo.platform.service.Service;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Redis cache current: writes every view document and every request outcome that the
 * processors publish.
 *
 * <p>Delivery is at least once: offsets are committed after the batch is in Redis, and a batch that
 * fails (Redis down) is read again from the last commit once Redis answers. That is safe because
 * applying is idempotent: a document never replaces a newer version of itself, and an outcome is
 * the same every time it is stored.
 */
public final class ViewProjector implements Service {

  private static final Logger log = LoggerFactory.getLogger(ViewProjector.class);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

  private final KafkaClients kafka;
  private final ViewStore views;
  private final RequestStatusStore statuses;
  private final MeterRegistry registry;
  private final String groupId;
  private final Counter applied;
  private final Counter stale;
  private volatile boolean running;
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaClientMetrics consumerMetrics;
  private Thread thread;

  public ViewProjector(
      KafkaClients kafka,
      ViewStore views,
      RequestStatusStore statuses,
      MeterRegistry registry,
      String groupId) {
    this.kafka = kafka;
    this.views = views;
    this.statuses = statuses;
    this.registry = registry;
    this.groupId = groupId;
    this.applied = counter(registry, "written");
    this.stale = counter(registry, "stale");
  }

  @Override
  public String name() {
    return "view-projector";
  }

  @Override
  public void start() {
    consumer =
        new KafkaConsumer<>(
            kafka.consumer(groupId, "projector"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
    consumer.subscribe(List.of(kafka.name(Topics.VIEWS), kafka.name(Topics.REQUEST_OUTCOMES)));
    running = true;
    thread = Thread.ofPlatform().name("view-projector").start(this::run);
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (!batch.isEmpty()) {
          projectOrRewind(batch);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumerMetrics.close();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void projectOrRewind(ConsumerRecords<String, byte[]> batch) {
    try {
      for (ConsumerRecord<String, byte[]> record : batch) {
        project(record);
      }
      consumer.commitSync();
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("projection failed, reading the batch again after a pause: {}", e.toString());
      rewind(batch.partitions());
      pause();
    }
  }

  private void project(ConsumerRecord<String, byte[]> record) {
    String requestId = KafkaHeaders.read(record.headers(), KafkaHeaders.REQUEST_ID);
    try (LogContext context = LogContext.of(record, requestId)) {
      if (record.topic().equals(kafka.name(Topics.VIEWS))) {
        write(Json.read(record.value(), ViewDocument.class));
      } else {
        settle(Json.read(record.value(), Outcome.class));
      }
    } catch (SchemaViolation e) {
      log.warn("skipping a record that breaks the contract: {}", e.getMessage());
    }
  }

  private void settle(Outcome outcome) {
    outcome.views().forEach(this::write);
    statuses.settle(RequestStatus.of(outcome));
    log.info("request {} settled: {} {}", outcome.requestId(), outcome.state(), outcome.status());
  }

  private void write(ViewDocument document) {
    if (views.apply(document) == ViewStore.Applied.WRITTEN) {
      applied.increment();
      log.debug("view {} written at version {}", document.key(), document.version());
    } else {
      stale.increment();
    }
  }

  private void rewind(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        consumer.seek(partition, offset);
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("fixmo.projector.documents")
        .description("View documents the projector handled, by result")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public void close() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
