package app.fixmo.platform.kafka;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.schemas.topics.Topic;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka client settings with FixMo's safe defaults, in one place: producers are idempotent and wait
 * for every in-sync replica; consumers read only committed records and commit by hand; Streams run
 * exactly-once (v2).
 */
public final class KafkaClients {

  private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

  private final FixmoConfig config;

  public KafkaClients(FixmoConfig config) {
    this.config = config;
  }

  /** Returns the full name of a catalogue topic in this process's namespace. */
  public String name(Topic<?> topic) {
    return topic.in(config.namespace());
  }

  /** Returns settings for an idempotent, acks=all producer of String keys. */
  public Properties producer(String clientId) {
    Properties props = common(clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return props;
  }

  /** Returns settings for a consumer that reads committed records and commits by hand. */
  public Properties consumer(String groupId, String clientId) {
    Properties props = common(clientId);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.scoped(groupId));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return props;
  }

  /** Returns settings for a share consumer (a queue) with explicit acknowledgement. */
  public Properties shareConsumer(String groupId, String clientId) {
    Properties props = common(clientId);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.scoped(groupId));
    props.put("share.acknowledgement.mode", "explicit");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return props;
  }

  /** Returns settings for an admin client with short timeouts. */
  public Properties admin(String clientId) {
    Properties props = common(clientId);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return props;
  }

  /** Returns settings for an exactly-once Kafka Streams application. */
  public Properties streams(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.scoped(applicationId));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(Settings.KAFKA_BOOTSTRAP));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(Settings.STREAMS_STATE_DIR));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(Settings.STREAMS_THREADS));
    props.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(Settings.KAFKA_REPLICATION_FACTOR));
    // Exactly-once commits every 100 ms by default; a smaller interval shortens the time a
    // waiting client sees nothing, at the cost of more transactions.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    return props;
  }

  /** Creates the given catalogue topics in this namespace; existing ones are left as they are. */
  public void createTopics(List<Topic<?>> topics) {
    short replicas = config.get(Settings.KAFKA_REPLICATION_FACTOR).shortValue();
    List<NewTopic> wanted =
        topics.stream().map(t -> t.newTopic(config.namespace(), replicas)).toList();
    try (Admin admin = Admin.create(admin("fixmo-topic-creator"))) {
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        await(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void await(String topic, org.apache.kafka.common.KafkaFuture<Void> creation) {
    try {
      creation.get(30, TimeUnit.SECONDS);
      log.info("created topic {}", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic " + topic, e);
    }
  }

  private Properties common(String clientId) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(Settings.KAFKA_BOOTSTRAP));
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.scoped(clientId));
    return props;
  }
}
