package app.fixmo.workers.jobs;

import static org.awaitility.Awaitility.await;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Job topics, workers and Redis for one test, in a namespace of its own (the test class's plus a
 * counter), so that share groups and statuses of one test never meet another's.
 */
final class JobsFixture implements AutoCloseable {

  private static final AtomicInteger TESTS = new AtomicInteger();

  private final FixmoConfig config;
  private final KafkaClients kafka;
  private final RedissonClient redis;
  private final KafkaProducer<String, byte[]> producer;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<JobWorkers> workers = new ArrayList<>();

  private JobsFixture(FixmoConfig config) {
    this.config = config;
    this.kafka = new KafkaClients(config);
    this.redis = RedisClients.create(config);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(Settings.KAFKA_BOOTSTRAP),
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Creates the job topics in a fresh namespace. */
  static JobsFixture create(KafkaBroker broker, RedisInstance redis, TestNamespace namespace) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_KAFKA_BOOTSTRAP",
                broker.bootstrapServers(),
                "FIXMO_REDIS_URL",
                redis.url(),
                "FIXMO_NAMESPACE",
                namespace.value() + "-" + TESTS.incrementAndGet(),
                "FIXMO_JOBS_DIAGNOSTICS",
                "true"));
    new KafkaClients(config)
        .createTopics(
            List.of(
                Topics.JOBS_CRITICAL,
                Topics.JOBS_DEFAULT,
                Topics.JOBS_BULK,
                Topics.JOBS_SCHEDULED,
                Topics.JOBS_DEAD));
    return new JobsFixture(config);
  }

  FixmoConfig config() {
    return config;
  }

  SimpleMeterRegistry registry() {
    return registry;
  }

  /** Starts workers serving the given lanes. */
  JobWorkers start(List<JobHandler> handlers, List<Lane> lanes, JobListener listener) {
    JobWorkers started =
        new JobWorkers(config, redis, registry, Clock.systemUTC(), handlers, lanes, listener);
    started.start();
    workers.add(started);
    return started;
  }

  /** Produces a record as any outside producer would. */
  void produce(Topic<?> topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(kafka.name(topic), key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("could not produce to " + kafka.name(topic), e);
    }
  }

  /** Produces a job as its JSON. */
  void produce(Job job) {
    produce(JobLanes.topicOf(job.queue()), job.id().toString(), Json.toBytes(job));
  }

  /** Produces without waiting for the broker; {@link #flush()} waits for all. */
  void produceLater(Topic<?> topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(kafka.name(topic), key, value));
  }

  void flush() {
    producer.flush();
  }

  /** Returns a job's status from Redis. */
  Optional<JobStatus> status(String jobId) {
    String key = RedisClients.key(config, JobStatus.keyName(jobId));
    return JobStatus.fromFields(
        redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap());
  }

  /** Waits for a job's status to reach a state, and returns it. */
  JobStatus awaitState(String jobId, JobStatus.State state) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> status(jobId).orElse(null), s -> s != null && s.state() == state);
  }

  /** Waits for a job's status to reach a state, and returns it. */
  JobStatus awaitState(Job job, JobStatus.State state) {
    return awaitState(job.id().toString(), state);
  }

  /** Returns the full name of a topic in the fixture's namespace. */
  String name(Topic<?> topic) {
    return kafka.name(topic);
  }

  /** Returns the bootstrap servers, for a producer that uses no project code. */
  String bootstrapServers() {
    return config.get(Settings.KAFKA_BOOTSTRAP);
  }

  /** Reads a topic from the start until at least {@code count} records came, as text. */
  List<ConsumerRecord<String, String>> awaitRecords(Topic<?> topic, int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = reader()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(kafka.name(topic)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= count;
              });
    }
    return records;
  }

  private KafkaConsumer<String, String> reader() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.get(Settings.KAFKA_BOOTSTRAP),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  @Override
  public void close() {
    workers.forEach(JobWorkers::close);
    producer.close(Duration.ofSeconds(5));
    redis.shutdown();
  }
}
