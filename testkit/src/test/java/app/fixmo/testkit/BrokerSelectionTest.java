package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

class BrokerSelectionTest {

  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier NEVER_ASKED =
      () -> {
        throw new AssertionError("Docker was asked about although no container is wanted");
      };

  @Test
  void embeddedBrokerIsTheDefault() {
    assertThat(BrokerKind.fromEnvironment(Map.of())).isEqualTo(BrokerKind.EMBEDDED);
    assertThat(BrokerKind.fromEnvironment(Map.of("FIXMO_TEST_KAFKA", " ")))
        .isEqualTo(BrokerKind.EMBEDDED);
    assertThat(BrokerKind.fromEnvironment(Map.of("FIXMO_TEST_KAFKA", "embedded")))
        .isEqualTo(BrokerKind.EMBEDDED);
  }

  @Test
  void variableChoosesTestcontainers() {
    assertThat(BrokerKind.fromEnvironment(Map.of("FIXMO_TEST_KAFKA", "testcontainers")))
        .isEqualTo(BrokerKind.TESTCONTAINERS);
    assertThat(BrokerKind.fromEnvironment(Map.of("FIXMO_TEST_KAFKA", "Testcontainers")))
        .isEqualTo(BrokerKind.TESTCONTAINERS);
  }

  @Test
  void unknownKindIsRejectedNamingTheVariableAndTheChoices() {
    assertThatThrownBy(() -> BrokerKind.fromEnvironment(Map.of("FIXMO_TEST_KAFKA", "docker")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FIXMO_TEST_KAFKA must be 'embedded' or 'testcontainers', was 'docker'");
  }

  @Test
  void dockerIsNotAskedAboutForTheEmbeddedBroker() {
    BrokerPlan plan = BrokerPlan.of(Map.of(), NEVER_ASKED);

    assertThat(plan.kind()).isEqualTo(BrokerKind.EMBEDDED);
    assertThat(plan.unavailableBecause()).isEmpty();
  }

  @Test
  void testcontainersWithoutDockerIsUnavailableWithTheReason() {
    BrokerPlan plan = BrokerPlan.of(Map.of("FIXMO_TEST_KAFKA", "testcontainers"), NO_DOCKER);

    assertThat(plan.kind()).isEqualTo(BrokerKind.TESTCONTAINERS);
    assertThat(plan.unavailableBecause()).get().asString().contains("no Docker environment");
    assertThatThrownBy(plan::start).hasMessageContaining("no Docker environment");
  }

  @Test
  void classesAreSkippedNotFailedWhenTestcontainersIsWantedWithoutDocker() {
    assumeFalse(
        DockerClientFactory.instance().isDockerAvailable(), "Docker is here: nothing to skip");

    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(Infrastructure.KIND_PARAMETER, "testcontainers")
            .selectors(selectClass(NeedsKafka.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.started(0).failed(0));
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1, event(container(NeedsKafka.class), skippedWithReason(r -> r.contains("Docker"))));
  }

  @WithKafkaAndRedis
  static class NeedsKafka {

    @Test
    void usesTheBroker(KafkaBroker broker) {
      assertThat(broker.bootstrapServers()).isNotBlank();
    }
  }
}
