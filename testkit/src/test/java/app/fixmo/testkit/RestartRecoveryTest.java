package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.topics.Topics;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@WithKafkaAndRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartRecoveryTest {

  @Test
  @Order(1)
  void brokerRestartKeepsRecords(KafkaBroker broker, TopicProbe probe) {
    assumeTrue(broker.supportsRestart(), "this broker cannot be restarted");
    probe.createTopics(List.of(Topics.JOBS_DEFAULT));
    probe.send(Topics.JOBS_DEFAULT, "job-1", Samples.job("mail.welcome"));

    broker.stop();
    broker.restart();

    assertThat(probe.awaitValues(Topics.JOBS_DEFAULT, 1))
        .extracting(Job::type)
        .containsExactly("mail.welcome");
  }

  @Test
  @Order(2)
  void stoppingTheSharedBrokerAndRedisStopsThem(KafkaBroker broker, RedisInstance redis) {
    assumeTrue(broker.supportsRestart(), "this broker cannot be restarted");

    broker.stop();
    redis.stop();

    assertThat(broker.isRunning()).isFalse();
    assertThat(redis.isRunning()).isFalse();
  }

  @Test
  @Order(3)
  void nextTestFindsBrokerAndRedisRunningAgain(KafkaBroker broker, RedisInstance redis)
      throws IOException {
    assertThat(broker.isRunning()).isTrue();
    assertThat(redis.isRunning()).isTrue();
    assertThat(Redis.ask(redis.port(), "PING")).isEqualTo("+PONG");
  }
}
