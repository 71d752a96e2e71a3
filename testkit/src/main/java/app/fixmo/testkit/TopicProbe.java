package app.fixmo.testkit;

import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Typed access to the catalogue's topics in one {@link TestNamespace}: creates them, sends records
 * and waits for records, with keys as Strings and values through each topic's serde.
 *
 * <p>One producer is kept open until {@link #close()}; each read uses a fresh consumer without a
 * group. Injected by {@link Infrastructure}, a probe lives as long as its test class.
 */
public final class TopicProbe implements AutoCloseable {

  /** How long the overloads without a timeout wait. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final TestNamespace namespace;
  private KafkaProducer<String, byte[]> producer;

  private TopicProbe(String bootstrapServers, TestNamespace namespace) {
    this.bootstrapServers = bootstrapServers;
    this.namespace = namespace;
  }

  /** Returns a probe for the topics of a namespace on a broker. */
  public static TopicProbe of(KafkaBroker broker, TestNamespace namespace) {
    return new TopicProbe(broker.bootstrapServers(), namespace);
  }

  /** Returns the namespace the probe works in. */
  public TestNamespace namespace() {
    return namespace;
  }

  /** Returns the full name of a topic in the probe's namespace. */
  public String nameOf(Topic<?> topic) {
    return namespace.topic(topic);
  }

  /** Creates every topic of {@link Topics#ALL}, and waits until each partition has a leader. */
  public void createAllTopics() {
    createTopics(Topics.ALL);
  }

  /** Creates the given topics unless they exist, and waits until each partition has a leader. */
  public void createTopics(Collection<? extends Topic<?>> topics) {
    new TopicCreator(bootstrapServers, namespace, DEFAULT_TIMEOUT).create(topics);
  }

  /** Sends one record and waits until the broker acknowledged it on every replica. */
  public <V> RecordMetadata send(Topic<V> topic, String key, V value) {
    String name = nameOf(topic);
    byte[] bytes = topic.valueSerde().serializer().serialize(name, value);
    try {
      return producer()
          .send(new ProducerRecord<>(name, key, bytes))
          .get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("sending key " + key + " to " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while sending to " + name, e);
    }
  }

  /**
   * Reads the topic from the beginning until at least {@code count} committed records arrived.
   *
   * <p>Returns every record read by then, so a test can see extra ones too. Records of different
   * partitions come in no particular order between partitions.
   *
   * @throws AssertionError if fewer arrived within the timeout, listing those that did
   */
  public <V> List<ConsumerRecord<String, V>> awaitRecords(
      Topic<V> topic, int count, Duration timeout) {
    RecordReader<V> reader =
        new RecordReader<>(bootstrapServers, nameOf(topic), topic.valueSerde().deserializer());
    return reader.awaitAtLeast(count, timeout);
  }

  /** Reads records as {@link #awaitRecords(Topic, int, Duration)} does, for 30 s at most. */
  public <V> List<ConsumerRecord<String, V>> awaitRecords(Topic<V> topic, int count) {
    return awaitRecords(topic, count, DEFAULT_TIMEOUT);
  }

  /** Returns the values of {@link #awaitRecords(Topic, int, Duration)}. */
  public <V> List<V> awaitValues(Topic<V> topic, int count, Duration timeout) {
    return awaitRecords(topic, count, timeout).stream().map(ConsumerRecord::value).toList();
  }

  /** Returns the values of {@link #awaitRecords(Topic, int)}. */
  public <V> List<V> awaitValues(Topic<V> topic, int count) {
    return awaitValues(topic, count, DEFAULT_TIMEOUT);
  }

  /** Closes the producer, if one was opened. */
  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              bootstrapServers,
              ProducerConfig.CLIENT_ID_CONFIG,
              "fixmo-testkit-" + namespace,
              ProducerConfig.ACKS_CONFIG,
              "all",
              ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
              true,
              ProducerConfig.LINGER_MS_CONFIG,
              0);
      producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }
}
