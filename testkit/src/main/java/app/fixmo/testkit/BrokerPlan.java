package app.fixmo.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The broker this JVM's tests will get, decided from the environment before any is started.
 *
 * @param kind which broker
 * @param unavailableBecause why it cannot be had here, if it cannot
 * @param environment the environment it was decided from, for the settings of the broker
 */
record BrokerPlan(
    BrokerKind kind, Optional<String> unavailableBecause, Map<String, String> environment) {

  /** Decides from an environment, asking whether Docker answers only when a container is wanted. */
  static BrokerPlan of(Map<String, String> environment, BooleanSupplier dockerAvailable) {
    BrokerKind kind = BrokerKind.fromEnvironment(environment);
    Optional<String> unavailable =
        kind == BrokerKind.TESTCONTAINERS && !dockerAvailable.getAsBoolean()
            ? Optional.of(
                BrokerKind.VARIABLE
                    + "=testcontainers but no Docker environment answers;"
                    + " start Docker, or unset the variable to use the embedded broker")
            : Optional.empty();
    return new BrokerPlan(kind, unavailable, Map.copyOf(environment));
  }

  /** Starts the planned broker. */
  KafkaBroker start() {
    if (unavailableBecause.isPresent()) {
      throw new IllegalStateException(unavailableBecause.get());
    }
    return switch (kind) {
      case EMBEDDED -> EmbeddedKafkaBroker.start();
      case TESTCONTAINERS -> ContainerKafkaBroker.start(environment);
    };
  }
}
