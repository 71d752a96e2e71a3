package app.fixmo.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads one topic from the beginning of every partition, committed records only, without a consumer
 * group, so that reading leaves no trace on the broker.
 */
final class RecordReader<V> {

  private static final Duration POLL = Duration.ofMillis(100);

  private final String bootstrapServers;
  private final String topic;
  private final Deserializer<V> values;

  RecordReader(String bootstrapServers, String topic, Deserializer<V> values) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.values = values;
  }

  /** Polls until at least {@code count} records were read, and returns all that were. */
  List<ConsumerRecord<String, V>> awaitAtLeast(int count, Duration timeout) {
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = newConsumer()) {
      assignAllFromBeginning(consumer);
      await()
          .atMost(timeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> readMore(consumer, records) >= count);
      return records;
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "expected at least "
              + count
              + " records on "
              + topic
              + " within "
              + timeout
              + " but read "
              + records.size()
              + ": "
              + records.stream().map(ConsumerRecord::value).toList(),
          e);
    }
  }

  private int readMore(KafkaConsumer<String, V> consumer, List<ConsumerRecord<String, V>> into) {
    consumer.poll(POLL).forEach(into::add);
    return into.size();
  }

  private void assignAllFromBeginning(KafkaConsumer<String, V> consumer) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new AssertionError("topic " + topic + " does not exist: create it first");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private KafkaConsumer<String, V> newConsumer() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "fixmo-testkit-reader",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    return new KafkaConsumer<>(config, new StringDeserializer(), values);
  }
}
