package app.fixmo.processors.deciding;

import app.fixmo.schemas.envelopes.ViewDocument;
import java.util.List;
import java.util.Objects;

/**
 * What refreshing one aggregate leads to, written in the punctuation's transaction: the state to
 * store and the view documents that changed. A refresh answers no request, so it has no outcome,
 * and it records no fact, so it has no events.
 *
 * @param state the state to store; the same state when nothing changed
 * @param views the view documents to write, possibly none
 * @param <S> the aggregate's state
 */
public record Refresh<S>(S state, List<ViewDocument> views) {

  public Refresh {
    Objects.requireNonNull(state, "state");
    views = List.copyOf(views);
  }
}
