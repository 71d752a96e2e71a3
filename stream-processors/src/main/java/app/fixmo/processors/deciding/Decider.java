package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.Command;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of one aggregate: how a command, given the aggregate's current state, turns into a
 * {@link Decision}.
 *
 * <p>A decider is pure: it reads no clock, touches no store and sends nothing, so the same inputs
 * always give the same decision (apart from the fresh ids of the envelopes it makes). Kafka lives
 * in {@link DecidingProcessor}, which feeds it.
 *
 * @param <S> the aggregate's state
 */
@FunctionalInterface
public interface Decider<S> {

  /**
   * Decides a command.
   *
   * @param command the command, already checked to belong to this aggregate's key
   * @param current the state stored under the command's key, or empty for a new aggregate
   * @param now the decision time, stamped on everything the decision makes
   * @return what to write; a rejection is a decision too, never an exception
   */
  Decision<S> decide(Command command, Optional<S> current, Instant now);
}
