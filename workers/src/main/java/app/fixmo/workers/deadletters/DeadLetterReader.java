package app.fixmo.workers.deadletters;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole dead-letter topic, from its start to the end it had when the read began, without
 * a consumer group: listing or re-driving dead letters commits nothing, so any read sees them all.
 */
public final class DeadLetterReader {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration MOST = Duration.ofMinutes(2);

  private final KafkaClients kafka;

  public DeadLetterReader(KafkaClients kafka) {
    this.kafka = kafka;
  }

  /** Returns the dead letters that match, oldest first within each partition. */
  public List<DeadLetter> read(DeadLetterFilter filter) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      String topic = kafka.name(Topics.JOBS_DEAD);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant giveUp = Instant.now().plus(MOST);
      while (!reachedEnds(consumer, ends)) {
        if (Instant.now().isAfter(giveUp)) {
          throw new IllegalStateException("the dead-letter topic was not read within " + MOST);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          readOne(record, filter, letters);
        }
      }
    }
    return letters;
  }

  private static void readOne(
      ConsumerRecord<String, byte[]> record, DeadLetterFilter filter, List<DeadLetter> letters) {
    try {
      DeadJob dead = Json.read(record.value(), DeadJob.class);
      if (filter.matches(dead)) {
        letters.add(new DeadLetter(record.partition(), record.offset(), dead));
      }
    } catch (SchemaViolation e) {
      log.warn(
          "skipping unreadable dead letter at partition {} offset {}: {}",
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  private static boolean reachedEnds(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties props = kafka.consumer("dead-letter-reader", "fixmo-dead-letter-reader");
    // Assigned partitions and no commits: the group id is never used with the broker.
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, null, new ByteArrayDeserializer());
  }
}
