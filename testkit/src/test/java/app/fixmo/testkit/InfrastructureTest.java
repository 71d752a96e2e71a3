package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

@WithKafkaAndRedis
class InfrastructureTest {

  private final KafkaBroker constructorBroker;
  private final TestNamespace constructorNamespace;

  InfrastructureTest(KafkaBroker broker, TestNamespace namespace) {
    this.constructorBroker = broker;
    this.constructorNamespace = namespace;
  }

  @Test
  void injectedBrokerAnswersAdminRequests(KafkaBroker broker) throws Exception {
    Collection<Node> nodes;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
    }

    assertThat(nodes).hasSize(1);
    assertThat(broker.isRunning()).isTrue();
  }

  @Test
  void injectedRedisAnswersPing(RedisInstance redis) throws IOException {
    String reply = Redis.ask(redis.port(), "PING");

    assertThat(reply).isEqualTo("+PONG");
    assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
  }

  @Test
  void constructorAndMethodGetTheSameBrokerAndNamespace(KafkaBroker broker, TestNamespace ns) {
    assertThat(broker).isSameAs(constructorBroker);
    assertThat(ns).isEqualTo(constructorNamespace);
  }

  @Test
  void probeWorksInTheClassNamespace(TopicProbe probe, TestNamespace namespace) {
    assertThat(probe.namespace()).isEqualTo(namespace);
  }
}
