package app.fixmo.processors;

import app.fixmo.processors.accounts.AccountsTopology;
import java.time.Clock;
import org.apache.kafka.streams.Topology;

/** The one topology the stream processors run: every aggregate's processor, side by side. */
public final class ProcessorsTopology {

  private ProcessorsTopology() {}

  /** Builds the topology with topics in the namespace, deciding on the given clock. */
  public static Topology build(String namespace, Clock clock) {
    Topology topology = new Topology();
    AccountsTopology.addTo(topology, namespace, clock);
    return topology;
  }
}
