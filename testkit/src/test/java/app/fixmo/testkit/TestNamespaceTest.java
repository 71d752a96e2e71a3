package app.fixmo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import app.fixmo.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class TestNamespaceTest {

  private static final List<TestNamespace> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void everyNamespaceIsNew() {
    Set<TestNamespace> namespaces =
        IntStream.range(0, 100).mapToObj(i -> TestNamespace.unique()).collect(Collectors.toSet());

    assertThat(namespaces).hasSize(100);
  }

  @Test
  void namespacePrefixesTopicsAndKeys() {
    TestNamespace namespace = new TestNamespace("t7-abcde");

    assertThat(namespace.topic(Topics.VIEWS)).isEqualTo("t7-abcde.fixmo.views");
    assertThat(namespace.key("session:42")).isEqualTo("t7-abcde:session:42");
  }

  @Test
  void namespaceUnfitForATopicNameIsRejected() {
    assertThatThrownBy(() -> new TestNamespace("Has Space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 'Has Space'");
  }

  @Test
  void twoTestClassesGetDifferentNamespacesAndNestedClassesShareTheirs() {
    SEEN.clear();

    var results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(FirstSample.class), selectClass(SecondSample.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.get(0)).isNotEqualTo(SEEN.get(2));
    assertThat(SEEN.get(1)).isEqualTo(SEEN.get(0));
  }

  @WithKafkaAndRedis
  static class FirstSample {

    @Test
    void records(TestNamespace namespace) {
      SEEN.add(namespace);
    }

    @Nested
    class Inner {

      @Test
      void records(TestNamespace namespace) {
        SEEN.add(namespace);
      }
    }
  }

  @WithKafkaAndRedis
  static class SecondSample {

    @Test
    void records(TestNamespace namespace) {
      SEEN.add(namespace);
    }
  }
}
