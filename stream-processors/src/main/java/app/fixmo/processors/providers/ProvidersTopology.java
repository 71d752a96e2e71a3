package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Aggregate;
import app.fixmo.processors.deciding.DecidingTopology;
import app.fixmo.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/**
 * The providers processor: commands from {@code fixmo.providers.commands}, decided by {@link
 * ProviderDecider} against the state store {@value #STORE}, outputs to the provider events, request
 * outcomes and views topics, and booking mails to the critical lane and the scheduled jobs topic
 * (reminders, and tombstones withdrawing them). Pages are refreshed as their open slots go stale,
 * from the schedule in {@value #REFRESH_STORE}. See {@link DecidingTopology} for the node names.
 */
public final class ProvidersTopology {

  /** The aggregate's name: the prefix of its node names. */
  public static final String NAME = "providers";

  /** The state store holding {@link ProviderState} by provider id. */
  public static final String STORE = NAME + "-state";

  /** The store holding when each provider's page is due to be refreshed. */
  public static final String REFRESH_STORE = NAME + "-refresh";

  private ProvidersTopology() {}

  /** Builds a topology of the providers processor alone. */
  public static Topology build(String namespace, Clock clock, BookingRules rules) {
    return addTo(new Topology(), namespace, clock, rules);
  }

  /** Adds the providers processor to a topology that may hold other processors. */
  public static Topology addTo(
      Topology topology, String namespace, Clock clock, BookingRules rules) {
    return addTo(topology, namespace, clock, rules, DecidingTopology.DEFAULT_REFRESH_INTERVAL);
  }

  /** Adds the providers processor, checking for pages due a refresh every {@code interval}. */
  public static Topology addTo(
      Topology topology, String namespace, Clock clock, BookingRules rules, Duration interval) {
    return DecidingTopology.addTo(topology, aggregate(rules), namespace, clock, interval);
  }

  private static Aggregate<ProviderState> aggregate(BookingRules rules) {
    return new Aggregate<>(
        NAME,
        Topics.PROVIDER_COMMANDS,
        Topics.PROVIDER_EVENTS,
        ProviderState.class,
        new ProviderDecider(rules));
  }
}
