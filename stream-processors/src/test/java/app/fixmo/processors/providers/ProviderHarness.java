package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One provider decided by {@link ProviderDecider} alone, with no Kafka: each command is decided
 * against the state the previous ones left, at a time the test sets.
 */
final class ProviderHarness {

  private final ProviderDecider decider;
  private Optional<ProviderState> state = Optional.empty();
  private Instant now = NOW;

  ProviderHarness() {
    this(BookingRules.defaults());
  }

  ProviderHarness(BookingRules rules) {
    this.decider = new ProviderDecider(rules);
  }

  /** Decides a command at the harness's time and keeps the state it leaves. */
  Decision<ProviderState> send(Command command) {
    Decision<ProviderState> decision = decider.decide(command, state, now);
    decision.newState().ifPresent(changed -> state = Optional.of(changed));
    return decision;
  }

  /** Decides a command that must succeed and returns its outcome. */
  Outcome accept(Command command) {
    Outcome outcome = send(command).outcome();
    assertThat(outcome.state())
        .as("%s: %s", command.type(), outcome.problem())
        .isEqualTo(Outcome.State.SUCCEEDED);
    return outcome;
  }

  /** Sets the time the next commands are decided at. */
  void at(Instant time) {
    now = time;
  }

  Instant now() {
    return now;
  }

  ProviderState state() {
    return state.orElseThrow();
  }

  ProviderDecider decider() {
    return decider;
  }

  /** Opens the fixture's plumber with hours and returns the id of a one-hour listing. */
  String open() {
    accept(ProviderFixtures.profile(Category.PLUMBING));
    accept(ProviderFixtures.hours());
    return listing(60);
  }

  /** Creates a plumbing listing of the given length and returns its id. */
  String listing(int durationMinutes) {
    Command create = ProviderFixtures.createListing(Category.PLUMBING, 1500, durationMinutes);
    accept(create);
    return create.id().toString();
  }

  /** Books a slot for the fixture's customer and returns the booking's id. */
  String book(String listingId, Instant start) {
    Command book = ProviderFixtures.book(listingId, start);
    accept(book);
    return book.id().toString();
  }

  /** Books a slot and completes the booking an hour after it starts. */
  String completed(String listingId, Instant start) {
    String bookingId = book(listingId, start);
    at(start);
    accept(ProviderFixtures.move(ProviderCommands.START_BOOKING, bookingId));
    at(start.plus(Duration.ofHours(1)));
    accept(ProviderFixtures.move(ProviderCommands.COMPLETE_BOOKING, bookingId));
    return bookingId;
  }

  Booking booking(String bookingId) {
    return state().bookings().get(bookingId);
  }

  /** Returns the page the state's current page document shows. */
  ProviderPage page() {
    ViewDocument document = ProviderPages.document(state(), "test").orElseThrow();
    return Json.read(document.body(), ProviderPage.class);
  }

  /** Returns the page document an outcome carries, if any. */
  static Optional<ViewDocument> pageIn(Outcome outcome) {
    return outcome.views().stream()
        .filter(view -> view.view().equals(ProviderViews.PROVIDER_PAGE))
        .findFirst();
  }
}
