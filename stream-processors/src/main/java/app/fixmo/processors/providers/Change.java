package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an accepted command changed, before it is stamped: the new state, the facts in order, the
 * bookings it touched and the answer. {@link #decide} turns it into the decision, adding what every
 * change shares: one version per event, {@code provider.summary-changed} when what lists show
 * changed, and the view documents that changed.
 *
 * @param state the state after the command, its version not yet counted
 * @param facts the events to record, as type and payload, in order
 * @param bookings the bookings the command created or moved, whose documents go out
 * @param status the HTTP status of the answer
 * @param resource what the answer names, or null
 */
record Change(
    ProviderState state, List<Fact> facts, List<Booking> bookings, int status, Object resource) {

  /** One event to record. */
  record Fact(String type, Object payload) {}

  Change {
    facts = List.copyOf(facts);
    bookings = List.copyOf(bookings);
  }

  /** Returns a change recording one fact and touching no booking. */
  static Change of(ProviderState state, Fact fact, int status, Object resource) {
    return new Change(state, List.of(fact), List.of(), status, resource);
  }

  /** Returns a change that moved one booking, answered with the booking itself. */
  static Change ofBooking(
      ProviderState state, String type, Booking booking, int status, Instant at) {
    Fact fact = new Fact(type, new ProviderEvents.BookingChanged(booking, at));
    return new Change(state, List.of(fact), List.of(booking), status, booking);
  }

  /** Returns the decision that records this change, made from the state before it. */
  Decision<ProviderState> decide(Command command, ProviderState before, Instant now) {
    String providerId = before.providerId();
    long version = before.version();
    List<Event> events = new ArrayList<>();
    for (Fact fact : facts) {
      events.add(Event.of(command, fact.type(), providerId, ++version, now, fact.payload()));
    }
    Optional<ProviderSummary> listed = state.summary();
    if (listed.isPresent() && !listed.equals(before.summary())) {
      var changed = new SummaryChanged(listed.get(), before.summary().orElse(null));
      events.add(
          Event.of(command, ProviderEvents.SUMMARY_CHANGED, providerId, ++version, now, changed));
    }

    ProviderState after = state.changed(version, now);
    Optional<ProviderPage> page = ProviderPages.page(after, now);
    boolean pageChanged =
        page.isPresent() && !page.equals(ProviderPages.page(before, before.pageAt()));
    if (pageChanged) {
      after = after.withPage(version, now);
    }

    List<ViewDocument> views = new ArrayList<>();
    bookings.forEach(booking -> views.add(bookingDocument(booking, now, command.requestId())));
    if (pageChanged) {
      ProviderPages.document(after, command.requestId()).ifPresent(views::add);
    }
    Outcome outcome = Outcome.succeeded(command, status, resource, now, views);
    return new Decision<>(events, outcome, List.of(), after);
  }

  /**
   * Returns the answer to a command seen before (a redelivery): its first status and resource, with
   * the current documents of what it made, and no change.
   */
  static Decision<ProviderState> again(
      Command command,
      ProviderState state,
      int status,
      Object resource,
      List<Booking> bookings,
      Instant now) {
    List<ViewDocument> views = new ArrayList<>();
    for (Booking booking : bookings) {
      views.add(bookingDocument(booking, lastChange(booking), command.requestId()));
    }
    ProviderPages.document(state, command.requestId()).ifPresent(views::add);
    Outcome outcome = Outcome.succeeded(command, status, resource, now, views);
    return new Decision<>(List.of(), outcome, List.of(), null);
  }

  private static ViewDocument bookingDocument(Booking booking, Instant at, String requestId) {
    return new ViewDocument(
        ProviderViews.BOOKING,
        booking.bookingId(),
        booking.version(),
        at,
        requestId,
        Json.toTree(booking));
  }

  private static Instant lastChange(Booking booking) {
    Instant moved = booking.history().get(booking.history().size() - 1).at();
    return booking.review() != null && booking.review().at().isAfter(moved)
        ? booking.review().at()
        : moved;
  }
}
