package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.topics.Topic;
import java.util.Optional;

/**
 * One aggregate a processor owns: the name its nodes and state store are called by, the topic its
 * commands arrive on, the topic its events go to, the type of its state and its rules.
 *
 * @param name a short, lower-case name, for example {@code accounts}
 * @param commands commands keyed by the aggregate that decides them
 * @param events where its events go, keyed by {@link Event#key()}
 * @param stateType the state record, stored as strict JSON
 * @param decider the rules
 * @param <S> the aggregate's state
 */
public record Aggregate<S>(
    String name,
    Topic<Command> commands,
    Topic<Event> events,
    Class<S> stateType,
    Decider<S> decider) {

  /** Returns the name of the state store, which also names its changelog topic. */
  public String storeName() {
    return name + "-state";
  }

  /** Returns the name of the refresh schedule's store, used when the decider is refreshing. */
  public String refreshStoreName() {
    return name + "-refresh";
  }

  /** Returns the decider as {@link Refreshing}, or empty when time alone changes nothing. */
  @SuppressWarnings("unchecked")
  public Optional<Refreshing<S>> refreshing() {
    return decider instanceof Refreshing<?> refreshing
        ? Optional.of((Refreshing<S>) refreshing)
        : Optional.empty();
  }
}
