package app.fixmo.processors.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.processors.bookinglists.BookingListsTopology;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class ProviderEventsSourceTest {

  @Test
  void directoryAndBookingListsShareOneSourceOfTheProviderEvents() {
    Topology topology = new Topology();

    DirectoryTopology.addTo(topology, "ns");
    BookingListsTopology.addTo(topology, "ns");

    assertThat(sourcesOf(topology, "ns.fixmo.providers.events"))
        .containsExactly(ProviderEventsSource.NAME);
  }

  @Test
  void sourceAddedTwiceInOneNamespaceIsAddedOnce() {
    Topology topology = new Topology();

    String first = ProviderEventsSource.add(topology, "ns");
    String second = ProviderEventsSource.add(topology, "ns");

    assertThat(second).isEqualTo(first);
    assertThat(sourcesOf(topology, "ns.fixmo.providers.events")).hasSize(1);
  }

  @Test
  void sourceOfAnotherNamespaceUnderTheSameNameIsRefused() {
    Topology topology = new Topology();
    ProviderEventsSource.add(topology, "ns");

    assertThatThrownBy(() -> ProviderEventsSource.add(topology, "other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "node 'provider-events-source' already reads [ns.fixmo.providers.events],"
                + " not other.fixmo.providers.events");
  }

  private static List<String> sourcesOf(Topology topology, String topic) {
    return topology.describe().subtopologies().stream()
        .flatMap(sub -> sub.nodes().stream())
        .filter(
            node ->
                node instanceof TopologyDescription.Source source
                    && source.topicSet().contains(topic))
        .map(TopologyDescription.Node::name)
        .toList();
  }
}
