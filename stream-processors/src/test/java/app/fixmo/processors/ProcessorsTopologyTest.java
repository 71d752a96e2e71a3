package app.fixmo.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class ProcessorsTopologyTest {

  private final TopologyDescription description =
      ProcessorsTopology.build("ns", Clock.systemUTC()).describe();

  @Test
  void accountsReadTheirCommandsAndWriteEventsOutcomesViewsAndJobs() {
    assertThat(nodesStartingWith("accounts-"))
        .containsExactlyInAnyOrder(
            "source accounts-commands <- ns.fixmo.accounts.commands",
            "processor accounts-decider with [accounts-state]",
            "sink accounts-events-sink -> ns.fixmo.accounts.events",
            "sink accounts-outcomes-sink -> ns.fixmo.requests.outcomes",
            "sink accounts-views-sink -> ns.fixmo.views",
            "sink accounts-jobs-critical-sink -> ns.fixmo.jobs.critical",
            "sink accounts-jobs-default-sink -> ns.fixmo.jobs.default",
            "sink accounts-jobs-bulk-sink -> ns.fixmo.jobs.bulk",
            "sink accounts-jobs-scheduled-sink -> ns.fixmo.jobs.scheduled");
  }

  @Test
  void providersDecideWithTheirStateAndRefreshSchedule() {
    assertThat(nodesStartingWith("providers-"))
        .contains(
            "source providers-commands <- ns.fixmo.providers.commands",
            "processor providers-decider with [providers-refresh, providers-state]",
            "sink providers-events-sink -> ns.fixmo.providers.events",
            "sink providers-views-sink -> ns.fixmo.views");
  }

  @Test
  void directoryAndBookingListsShareOneSourceOfProviderEvents() {
    List<String> sources =
        nodes().stream().filter(node -> node.endsWith("<- ns.fixmo.providers.events")).toList();

    assertThat(sources).hasSize(1);
    assertThat(nodes())
        .contains(
            "sink directory-entries-sink -> ns.fixmo.directory.entries",
            "sink booking-lists-by-account-sink -> ns.fixmo.bookings.by-account");
  }

  private List<String> nodesStartingWith(String prefix) {
    return nodes().stream().filter(node -> node.split(" ")[1].startsWith(prefix)).toList();
  }

  private List<String> nodes() {
    List<String> nodes = new ArrayList<>();
    description
        .subtopologies()
        .forEach(sub -> sub.nodes().forEach(node -> nodes.add(describe(node))));
    return nodes;
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
