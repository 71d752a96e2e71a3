package app.fixmo.processors.deciding;

import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link Decider} implements when its views go stale as time passes, with no command to say
 * so (a page of open slots loses each slot as it starts). {@link DecidingProcessor} keeps a
 * schedule of when each aggregate is due, and a wall-clock punctuator refreshes the due ones.
 *
 * <p>Like deciding, refreshing is pure: the same state and time give the same refresh.
 *
 * @param <S> the aggregate's state
 */
public interface Refreshing<S> {

  /**
   * Returns when the state's views will next be stale, or empty when time alone never changes them.
   * Called for every state the processor stores; a time already past is refreshed at the next tick.
   */
  Optional<Instant> nextRefresh(S state);

  /**
   * Brings a due aggregate up to date.
   *
   * <p>The returned state's {@link #nextRefresh} should lie after {@code now}; one that does not is
   * refreshed again at every tick until it does.
   *
   * @param key the aggregate's key
   * @param state its stored state
   * @param now the refresh time
   * @return the state to store and the view documents to write, possibly none
   */
  Refresh<S> refresh(String key, S state, Instant now);
}
