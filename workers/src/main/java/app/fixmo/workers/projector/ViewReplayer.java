package app.fixmo.workers.projector;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the view cache from the views topic: reads it from the beginning up to the end it had
 * when the replay began, and applies every document. Because applying is idempotent and ordered by
 * version, replaying into an empty Redis, or over a live one, gives the same cache.
 */
public final class ViewReplayer {

  private static final Logger log = LoggerFactory.getLogger(ViewReplayer.class);

  private final KafkaClients kafka;
  private final ViewStore views;

  public ViewReplayer(KafkaClients kafka, ViewStore views) {
    this.kafka = kafka;
    this.views = views;
  }

  /** Replays the whole views topic; returns how many documents were read. */
  public long replay() {
    try (var consumer =
        new KafkaConsumer<>(
            kafka.consumer("view-replay", "view-replay"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long documents = readUntil(consumer, ends);
      log.info("replayed {} view documents from {}", documents, kafka.name(Topics.VIEWS));
      return documents;
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    String topic = kafka.name(Topics.VIEWS);
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private long readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    long documents = 0;
    while (!reached(consumer, ends)) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        documents += apply(record);
      }
    }
    return documents;
  }

  private int apply(ConsumerRecord<String, byte[]> record) {
    try {
      views.apply(Json.read(record.value(), ViewDocument.class));
      return 1;
    } catch (SchemaViolation e) {
      log.warn("skipping view record at offset {}: {}", record.offset(), e.getMessage());
      return 0;
    }
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
