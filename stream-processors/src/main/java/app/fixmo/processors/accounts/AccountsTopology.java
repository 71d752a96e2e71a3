package app.fixmo.processors.accounts;

import app.fixmo.processors.deciding.Aggregate;
import app.fixmo.processors.deciding.DecidingTopology;
import app.fixmo.schemas.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.Topology;

/**
 * The accounts processor: commands from {@code fixmo.accounts.commands}, decided by {@link
 * AccountDecider} against the state store {@value #STORE}, outputs to the accounts events, request
 * outcomes, views and default jobs topics. See {@link DecidingTopology} for the node names.
 */
public final class AccountsTopology {

  /** The aggregate's name: the prefix of its node names. */
  public static final String NAME = "accounts";

  /** The state store holding {@link AccountState} by normalised e-mail. */
  public static final String STORE = NAME + "-state";

  private static final Aggregate<AccountState> ACCOUNTS =
      new Aggregate<>(
          NAME,
          Topics.ACCOUNT_COMMANDS,
          Topics.ACCOUNT_EVENTS,
          AccountState.class,
          new AccountDecider());

  private AccountsTopology() {}

  /** Builds a topology of the accounts processor alone, deciding on the system clock. */
  public static Topology build(String namespace) {
    return build(namespace, Clock.systemUTC());
  }

  /** Builds a topology of the accounts processor alone. */
  public static Topology build(String namespace, Clock clock) {
    return addTo(new Topology(), namespace, clock);
  }

  /** Adds the accounts processor to a topology that may hold other processors. */
  public static Topology addTo(Topology topology, String namespace, Clock clock) {
    return DecidingTopology.addTo(topology, ACCOUNTS, namespace, clock);
  }
}
