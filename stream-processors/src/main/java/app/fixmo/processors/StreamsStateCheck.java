package app.fixmo.processors;

import app.fixmo.platform.health.HealthCheck;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Healthy while Kafka Streams runs or rebalances. A rebalance counts as healthy because it is a
 * normal, short pause; a Streams client that stopped or failed is not.
 */
final class StreamsStateCheck implements HealthCheck {

  private final Supplier<KafkaStreams.State> state;

  StreamsStateCheck(Supplier<KafkaStreams.State> state) {
    this.state = state;
  }

  @Override
  public String name() {
    return "streams";
  }

  @Override
  public void probe() {
    KafkaStreams.State current = state.get();
    if (current == null) {
      throw new IllegalStateException("not started");
    }
    if (!current.isRunningOrRebalancing()) {
      throw new IllegalStateException("state is " + current);
    }
  }
}
