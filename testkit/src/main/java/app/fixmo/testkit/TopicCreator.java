package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.topics.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics of the catalogue in a namespace and waits until every partition has a leader. */
final class TopicCreator {

  private static final short ONE_REPLICA = 1;

  private final String bootstrapServers;
  private final TestNamespace namespace;
  private final Duration timeout;

  TopicCreator(String bootstrapServers, TestNamespace namespace, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.namespace = namespace;
    this.timeout = timeout;
  }

  /** Creates the topics; those that exist already are left as they are. */
  void create(Collection<? extends Topic<?>> topics) {
    List<NewTopic> wanted =
        topics.stream().map(t -> t.newTopic(namespace.value(), ONE_REPLICA)).toList();
    List<String> names = wanted.stream().map(NewTopic::name).toList();

    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(wanted).values().values().forEach(this::awaitCreatedOrExisting);
      await()
          .atMost(timeout)
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(describe(admin, names)).allMatch(TopicCreator::isLed));
    }
  }

  private void awaitCreatedOrExisting(KafkaFuture<Void> creation) {
    try {
      creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("creating topics in namespace " + namespace + " failed", e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "topics in namespace " + namespace + " not created within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private static Collection<TopicDescription> describe(Admin admin, List<String> names)
      throws Exception {
    return admin.describeTopics(names).allTopicNames().get().values();
  }

  private static boolean isLed(TopicDescription topic) {
    return topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
  }
}
