package app.fixmo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static EmbeddedKafka kafka;
  private static Clients clients;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    clients = new Clients(kafka.bootstrapServers());
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Test
  void brokerListensOnLoopback() {
    assertThat(kafka.isRunning()).isTrue();

    assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
  }

  @Test
  void idempotentProducerWritesAndConsumerReadsBack() throws Exception {
    String topic = clients.createTopic("plain");

    try (KafkaProducer<String, String> producer = clients.idempotentProducer()) {
      producer.send(new ProducerRecord<>(topic, "k1", "hello")).get(30, TimeUnit.SECONDS);
    }

    assertThat(readValues(topic, 1)).containsExactly("hello");
  }

  @Test
  void transactionalProducerCommitsRecordsThatReadCommittedConsumersSee() {
    String topic = clients.createTopic("transactional");

    try (KafkaProducer<String, String> producer = clients.transactionalProducer("tx-" + topic)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k1", "first"));
      producer.send(new ProducerRecord<>(topic, "k2", "second"));
      producer.commitTransaction();
    }

    assertThat(readValues(topic, 2)).containsExactly("first", "second");
  }

  @Test
  void shareConsumerGetsReleasedRecordAgainAndAcceptCompletesIt() throws Exception {
    String topic = clients.createTopic("shared");
    String group = "share-" + UUID.randomUUID();
    readSharedFromEarliest(group);
    send(topic, "job-1");

    try (KafkaShareConsumer<String, String> consumer = clients.explicitShareConsumer(group)) {
      consumer.subscribe(List.of(topic));
      ConsumerRecord<String, String> first = pollOne(consumer);
      consumer.acknowledge(first, AcknowledgeType.RELEASE);
      consumer.commitSync();
      awaitShareLag(group, topic, 1);

      ConsumerRecord<String, String> again = pollOne(consumer);
      consumer.acknowledge(again, AcknowledgeType.ACCEPT);
      consumer.commitSync();
      awaitShareLag(group, topic, 0);

      assertThat(first.deliveryCount()).contains((short) 1);
      assertThat(again.offset()).isEqualTo(first.offset());
      assertThat(again.deliveryCount()).contains((short) 2);
    }
  }

  @Test
  void brokerKeepsRecordsAcrossRestart() throws Exception {
    String topic = clients.createTopic("durable");
    send(topic, "before restart");

    kafka.stop();
    boolean runningWhileStopped = kafka.isRunning();
    kafka.restart();

    assertThat(runningWhileStopped).isFalse();
    assertThat(kafka.isRunning()).isTrue();
    assertThat(readValues(topic, 1)).containsExactly("before restart");
  }

  private static void send(String topic, String value) throws Exception {
    try (KafkaProducer<String, String> producer = clients.idempotentProducer()) {
      producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> readValues(String topic, int count) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = clients.committedReader()) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(TIMEOUT)
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Clients.shortPoll()).forEach(r -> values.add(r.value()));
                return values.size() >= count;
              });
    }
    return values;
  }

  private static ConsumerRecord<String, String> pollOne(
      KafkaShareConsumer<String, String> consumer) {
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    await()
        .atMost(TIMEOUT)
        .pollInSameThread()
        .until(
            () -> {
              consumer.poll(Clients.shortPoll()).forEach(received::add);
              return !received.isEmpty();
            });
    assertThat(received).hasSize(1);
    return received.getFirst();
  }

  // Share groups start at the latest offset by default; this group must see what was sent
  // before it joined, so the setting goes in before any consumer does.
  private static void readSharedFromEarliest(String group) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
    AlterConfigOp earliest =
        new AlterConfigOp(
            new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
    try (Admin admin = clients.admin()) {
      admin
          .incrementalAlterConfigs(Map.of(resource, List.of(earliest)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  // The lag counts the records of the group not yet completed: a released record still
  // counts, an accepted one no longer does.
  private static void awaitShareLag(String group, String topic, long expected) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(shareLag(group, topic)).contains(expected));
  }

  private static Optional<Long> shareLag(String group, String topic) throws Exception {
    try (Admin admin = clients.admin()) {
      Map<TopicPartition, SharePartitionOffsetInfo> offsets =
          admin
              .listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec()))
              .partitionsToOffsetInfo(group)
              .get(30, TimeUnit.SECONDS);
      SharePartitionOffsetInfo info = offsets.get(new TopicPartition(topic, 0));
      return info == null ? Optional.empty() : info.lag();
    }
  }
}
