package app.fixmo.testkit;

import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a Docker container, with the same one-node settings as the embedded one.
 *
 * <p>Known limitation: it cannot be stopped and restarted, since a restarted container gets new
 * host ports that clients already built would not know. Tests that need a restart check {@link
 * #supportsRestart()} and skip themselves.
 */
final class ContainerKafkaBroker implements KafkaBroker, AutoCloseable {

  /** The environment variable naming the image; the default matches the Kafka on the classpath. */
  static final String IMAGE_VARIABLE = "FIXMO_TEST_KAFKA_IMAGE";

  static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  private static final Map<String, String> SINGLE_NODE =
      Map.of(
          "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false",
          "KAFKA_NUM_PARTITIONS", "1",
          "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1",
          "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1",
          "KAFKA_GROUP_SHARE_HEARTBEAT_INTERVAL_MS", "1000",
          "KAFKA_GROUP_SHARE_MIN_HEARTBEAT_INTERVAL_MS", "500",
          "KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", "2097152");

  private final KafkaContainer container;

  private ContainerKafkaBroker(KafkaContainer container) {
    this.container = container;
  }

  static ContainerKafkaBroker start(Map<String, String> environment) {
    String image = environment.getOrDefault(IMAGE_VARIABLE, DEFAULT_IMAGE);
    KafkaContainer container =
        new KafkaContainer(DockerImageName.parse(image)).withEnv(SINGLE_NODE);
    container.start();
    return new ContainerKafkaBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public boolean supportsRestart() {
    return false;
  }

  @Override
  public boolean isRunning() {
    return container.isRunning();
  }

  @Override
  public void stop() {
    throw unsupported("stop()");
  }

  @Override
  public void restart() {
    throw unsupported("restart()");
  }

  @Override
  public void close() {
    container.stop();
  }

  private static UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(
        operation
            + " is not supported with "
            + BrokerKind.VARIABLE
            + "=testcontainers: a restarted container gets new ports;"
            + " check supportsRestart() first, or run with the embedded broker");
  }
}
