package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithKafkaAndRedis
class TopicProbeTest {

  @BeforeAll
  static void createTopics(TopicProbe probe) {
    probe.createAllTopics();
  }

  @Test
  void everyTopicOfTheCatalogueExistsInTheNamespace(KafkaBroker broker, TestNamespace namespace)
      throws Exception {
    List<String> names = Topics.ALL.stream().map(namespace::topic).toList();

    Map<String, TopicDescription> described;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
    }

    assertThat(described).containsOnlyKeys(names);
    for (Topic<?> topic : Topics.ALL) {
      assertThat(described.get(namespace.topic(topic)).partitions()).hasSize(topic.partitions());
    }
  }

  @Test
  void creatingTheTopicsAgainChangesNothing(TopicProbe probe) {
    probe.createAllTopics();

    assertThat(probe.nameOf(Topics.VIEWS)).endsWith(".fixmo.views");
  }

  @Test
  void sentRecordIsReadBackTypedWithItsKey(TopicProbe probe) {
    Job job = Samples.job("mail.welcome");

    probe.send(Topics.JOBS_DEFAULT, job.id().toString(), job);
    List<ConsumerRecord<String, Job>> records = probe.awaitRecords(Topics.JOBS_DEFAULT, 1);

    assertThat(records).hasSize(1);
    assertThat(records.getFirst().key()).isEqualTo(job.id().toString());
    assertThat(records.getFirst().value()).isEqualTo(job);
  }

  @Test
  void waitingForRecordsThatNeverCameFailsWithWhatWasRead(TopicProbe probe) {
    Duration shortWait = Duration.ofMillis(500);

    assertThatThrownBy(() -> probe.awaitValues(Topics.ACCOUNT_EVENTS, 1, shortWait))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected at least 1 records on "
                + probe.nameOf(Topics.ACCOUNT_EVENTS)
                + " within PT0.5S but read 0: []");
  }
}
