package app.fixmo.processors;

import app.fixmo.processors.accounts.AccountsTopology;
import app.fixmo.processors.bookinglists.BookingListsTopology;
import app.fixmo.processors.directory.DirectoryTopology;
import app.fixmo.processors.directory.ProviderEventsSource;
import app.fixmo.processors.providers.BookingRules;
import app.fixmo.processors.providers.ProvidersTopology;
import app.fixmo.processors.scheduling.JobSchedulerTopology;
import java.time.Clock;
import org.apache.kafka.streams.Topology;

/**
 * The one topology the stream processors run: every aggregate's processor, every view builder and
 * the job scheduler, side by side. The directory and the booking lists both follow the providers'
 * events through one shared source, since Kafka Streams allows one source per topic in a topology.
 */
public final class ProcessorsTopology {

  private ProcessorsTopology() {}

  /** Builds the topology with topics in the namespace, with the default booking rules. */
  public static Topology build(String namespace, Clock clock) {
    return build(namespace, clock, BookingRules.defaults());
  }

  /** Builds the topology with topics in the namespace, deciding on the given clock and rules. */
  public static Topology build(String namespace, Clock clock, BookingRules rules) {
    Topology topology = new Topology();
    AccountsTopology.addTo(topology, namespace, clock);
    ProvidersTopology.addTo(topology, namespace, clock, rules);

    String providerEvents = ProviderEventsSource.add(topology, namespace);
    DirectoryTopology.addTo(topology, namespace, providerEvents);
    BookingListsTopology.addTo(topology, namespace, providerEvents);
    JobSchedulerTopology.addTo(topology, namespace);
    return topology;
  }
}
