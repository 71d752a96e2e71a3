package app.fixmo.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class ProcessorsTopologyTest {

  @Test
  void accountsReadTheirCommandsAndWriteEventsOutcomesViewsAndJobs() {
    TopologyDescription description = ProcessorsTopology.build("ns", Clock.systemUTC()).describe();

    List<String> nodes = new ArrayList<>();
    description
        .subtopologies()
        .forEach(sub -> sub.nodes().forEach(node -> nodes.add(describe(node))));

    assertThat(description.subtopologies()).hasSize(1);
    assertThat(nodes)
        .containsExactlyInAnyOrder(
            "source accounts-commands <- ns.fixmo.accounts.commands",
            "processor accounts-decider with [accounts-state]",
            "sink accounts-events-sink -> ns.fixmo.accounts.events",
            "sink accounts-outcomes-sink -> ns.fixmo.requests.outcomes",
            "sink accounts-views-sink -> ns.fixmo.views",
            "sink accounts-jobs-default-sink -> ns.fixmo.jobs.default");
  }

  private static String describe(TopologyDescription.Node node) {
    return switch (node) {
      case TopologyDescription.Source source ->
          "source " + source.name() + " <- " + String.join(",", source.topicSet());
      case TopologyDescription.Processor processor ->
          "processor " + processor.name() + " with " + processor.stores();
      case TopologyDescription.Sink sink -> "sink " + sink.name() + " -> " + sink.topic();
      default -> "unexpected " + node;
    };
  }
}
