package app.fixmo.processors.directory;

import app.fixmo.schemas.topics.Topics;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The one source node that reads {@code fixmo.providers.events} in a topology.
 *
 * <p>Kafka Streams refuses two sources of one topic in one topology, yet both the directory and the
 * booking lists follow the provider events. So the source is added once, here, and each of them
 * attaches its first processor to it by name.
 */
public final class ProviderEventsSource {

  /** The source node's name. */
  public static final String NAME = "provider-events-source";

  private ProviderEventsSource() {}

  /**
   * Adds the source unless the topology has it already, and returns its name.
   *
   * @throws IllegalArgumentException if a node of that name reads another topic
   */
  public static String add(Topology topology, String namespace) {
    String topic = Topics.PROVIDER_EVENTS.in(namespace);
    Optional<Set<String>> existing = topicsOfExistingNode(topology);
    if (existing.isEmpty()) {
      topology.addSource(
          NAME,
          Serdes.String().deserializer(),
          Topics.PROVIDER_EVENTS.valueSerde().deserializer(),
          topic);
    } else if (!existing.get().equals(Set.of(topic))) {
      throw new IllegalArgumentException(
          "node '" + NAME + "' already reads " + existing.get() + ", not " + topic);
    }
    return NAME;
  }

  /** Returns the topics the node of that name reads (none for a node that is no source). */
  private static Optional<Set<String>> topicsOfExistingNode(Topology topology) {
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node.name().equals(NAME)) {
          return Optional.of(
              node instanceof TopologyDescription.Source source ? source.topicSet() : Set.of());
        }
      }
    }
    return Optional.empty();
  }
}
