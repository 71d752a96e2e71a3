package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one command leads to, written together in one exactly-once transaction: the events,
 * the request's outcome, the view documents (carried by the outcome), the jobs, and the aggregate's
 * new state.
 *
 * @param events the facts decided, in order; empty for a rejection
 * @param outcome the answer to the request
 * @param jobs the background work the events need; empty for a rejection
 * @param state the aggregate's new state, or null when it stays as it was
 * @param <S> the aggregate's state
 */
public record Decision<S>(List<Event> events, Outcome outcome, List<Job> jobs, S state) {

  public Decision {
    events = List.copyOf(events);
    jobs = List.copyOf(jobs);
    if (outcome.state() == Outcome.State.REJECTED && !(events.isEmpty() && jobs.isEmpty())) {
      throw new IllegalArgumentException("a rejected command must not emit events or jobs");
    }
    if (outcome.state() == Outcome.State.REJECTED && state != null) {
      throw new IllegalArgumentException("a rejected command must not change state");
    }
  }

  /** Returns a decision that refuses the command and changes nothing. */
  public static <S> Decision<S> rejected(Command command, Problem problem, Instant now) {
    return new Decision<>(List.of(), Outcome.rejected(command, problem, now), List.of(), null);
  }

  /** Returns the view documents the decision produced, the ones its outcome carries. */
  public List<ViewDocument> views() {
    return outcome.views();
  }

  /** Returns the new state to store, or empty when the stored state stays. */
  public Optional<S> newState() {
    return Optional.ofNullable(state);
  }
}
