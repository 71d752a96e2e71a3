package app.fixmo.system;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.processors.scheduling.JobSchedulerTopology;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.workers.jobs.FlakyJobHandler;
import app.fixmo.workers.jobs.JobListener;
import app.fixmo.workers.jobs.JobWorkers;
import app.fixmo.workers.jobs.Lane;
import app.fixmo.workers.jobs.NoopJobHandler;
import app.fixmo.workers.jobs.Settlement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.awaitility.Awaitility;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The job system alone: the scheduler (its topology on exactly-once Kafka Streams, as the
 * processors run it) and the job workers with the diagnostic types, in a namespace of the test's.
 * Jobs go in as raw JSON through a plain producer; what happened is read from Redis, the
 * dead-letter topic and what the workers tell a listener.
 */
final class JobsRig implements AutoCloseable {

  private final FixmoConfig config;
  private final RedissonClient redis;
  private final KafkaProducer<String, String> producer;
  private final Queue<Heard> heard = new ConcurrentLinkedQueue<>();
  private JobWorkers workers;
  private KafkaStreams scheduler;

  /** What the workers said of one delivery. */
  record Heard(Job job, Settlement settlement, Instant at) {}

  private JobsRig(FixmoConfig config) {
    this.config = config;
    this.redis = RedisClients.create(config);
    this.producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(config)),
            new StringSerializer(),
            new StringSerializer());
  }

  /** Creates the topics and starts the scheduler and the workers. */
  static JobsRig start(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "FIXMO_REDIS_URL", redis.url(),
                "FIXMO_NAMESPACE", namespace.value(),
                "FIXMO_JOBS_DIAGNOSTICS", "true",
                "FIXMO_STREAMS_STATE_DIR", Files.createTempDirectory("fixmo-jobs-rig").toString()));
    new KafkaClients(config).createTopics(Topics.ALL);
    JobsRig rig = new JobsRig(config);
    rig.startScheduler();
    rig.startWorkers();
    return rig;
  }

  /** Starts the scheduler, from its changelog and local state if it ran before. */
  void startScheduler() {
    Topology topology = JobSchedulerTopology.addTo(new Topology(), config.namespace());
    scheduler = new KafkaStreams(topology, new KafkaClients(config).streams("jobs-rig-scheduler"));
    scheduler.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> scheduler.state() == KafkaStreams.State.RUNNING);
  }

  /** Stops the scheduler as the processors stop: committing, and leaving the group. */
  void stopScheduler() {
    scheduler.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  private void startWorkers() {
    JobListener listener = (job, settlement, at) -> heard.add(new Heard(job, settlement, at));
    workers =
        new JobWorkers(
            config,
            redis,
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            List.of(new NoopJobHandler(), new FlakyJobHandler()),
            Lane.fromConfig(config),
            listener);
    workers.start();
  }

  /** Builds the raw JSON of a job's first attempt, as an outside producer would write it. */
  static String json(String id, String queue, String type, String payload, Instant runAt) {
    String runAtField = runAt == null ? "" : "\"runAt\": \"" + runAt + "\", ";
    return ("{\"id\": \"%s\", \"queue\": \"%s\", \"type\": \"%s\", \"payload\": %s, %s"
            + "\"attempt\": 1, \"submittedBy\": \"rig\", \"submittedAt\": \"%s\", "
            + "\"schemaVersion\": 1, \"requestId\": \"rig-%s\"}")
        .formatted(id, queue, type, payload, runAtField, Instant.now(), id);
  }

  /** Produces a job's raw JSON to its queue's topic; returns its id. */
  String submit(String queue, String type, String payload, Instant runAt) {
    String id = Ids.newText();
    String topic = JobLanes.topicOf(queue).in(config.namespace());
    try {
      producer.send(new ProducerRecord<>(topic, id, json(id, queue, type, payload, runAt))).get();
    } catch (Exception e) {
      throw new AssertionError("could not produce to " + topic, e);
    }
    return id;
  }

  /** Returns what the workers said of one job so far, in order. */
  List<Heard> heard(String jobId) {
    return heard.stream().filter(h -> h.job().id().toString().equals(jobId)).toList();
  }

  /** Waits until the workers said a job reached a settlement, and returns all they said of it. */
  List<Heard> await(String jobId, Settlement settlement, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> heard(jobId), all -> all.stream().anyMatch(h -> h.settlement() == settlement));
  }

  /** Returns a job's status. */
  Optional<JobStatus> status(String jobId) {
    String key = RedisClients.key(config, JobStatus.keyName(jobId));
    return JobStatus.fromFields(
        redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap());
  }

  /** Reads a topic from its start until a record with the given key came. */
  ConsumerRecord<String, String> awaitRecord(Topic<?> topic, String key) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = reader()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.in(config.namespace())).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
              },
              found -> found != null);
    }
  }

  private KafkaConsumer<String, String> reader() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap(config),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /** Reads a record's value as a job. */
  static Job job(ConsumerRecord<String, String> record) {
    return Json.read(record.value(), Job.class);
  }

  private static String bootstrap(FixmoConfig config) {
    return config.get(Settings.KAFKA_BOOTSTRAP);
  }

  @Override
  public void close() {
    workers.close();
    if (scheduler != null) {
      stopScheduler();
    }
    producer.close(Duration.ofSeconds(5));
    redis.shutdown();
  }
}
