package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one command leads to, written together in one exactly-once transaction: the events,
 * the request's outcome, the view documents (carried by the outcome), the jobs, the jobs withdrawn,
 * and the aggregate's new state.
 *
 * @param events the facts decided, in order; empty for a rejection
 * @param outcome the answer to the request
 * @param jobs the background work the events need; empty for a rejection
 * @param state the aggregate's new state, or null when it stays as it was
 * @param withdrawnJobs ids of jobs waiting in the scheduler that must no longer run; empty for a
 *     rejection
 * @param <S> the aggregate's state
 */
public record Decision<S>(
    List<Event> events, Outcome outcome, List<Job> jobs, S state, List<UUID> withdrawnJobs) {

  public Decision {
    events = List.copyOf(events);
    jobs = List.copyOf(jobs);
    withdrawnJobs = List.copyOf(withdrawnJobs);
    boolean rejected = outcome.state() == Outcome.State.REJECTED;
    if (rejected && !(events.isEmpty() && jobs.isEmpty() && withdrawnJobs.isEmpty())) {
      throw new IllegalArgumentException("a rejected command must not emit events or jobs");
    }
    if (rejected && state != null) {
      throw new IllegalArgumentException("a rejected command must not change state");
    }
  }

  /** Creates a decision that withdraws no job. */
  public Decision(List<Event> events, Outcome outcome, List<Job> jobs, S state) {
    this(events, outcome, jobs, state, List.of());
  }

  /** Returns a decision that refuses the command and changes nothing. */
  public static <S> Decision<S> rejected(Command command, Problem problem, Instant now) {
    return new Decision<>(List.of(), Outcome.rejected(command, problem, now), List.of(), null);
  }

  /** Returns this decision with more jobs to emit and more job ids to withdraw. */
  public Decision<S> with(List<Job> moreJobs, List<UUID> moreWithdrawn) {
    List<Job> allJobs = new ArrayList<>(jobs);
    allJobs.addAll(moreJobs);
    List<UUID> allWithdrawn = new ArrayList<>(withdrawnJobs);
    allWithdrawn.addAll(moreWithdrawn);
    return new Decision<>(events, outcome, allJobs, state, allWithdrawn);
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
