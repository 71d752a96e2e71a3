package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decider;
import app.fixmo.processors.deciding.Decision;
import app.fixmo.processors.deciding.Refresh;
import app.fixmo.processors.deciding.Refreshing;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.providers.ProviderCommands;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a provider, keyed by its id (its account id): its catalogue ({@link Catalogue}), its
 * bookings ({@link Bookings}) and their reviews ({@link Reviews}). Confirming and cancelling a
 * booking also emit mail jobs for both its parties ({@link BookingJobs}).
 *
 * <ul>
 *   <li>The first {@code provider.set-profile} opens the provider; any other command for a provider
 *       without one is a 404 {@code provider-not-found}.
 *   <li>Every accepted command records its events (one version each), then {@code
 *       provider.summary-changed} when what lists show changed; its outcome carries the {@code
 *       booking/<id>} documents it changed and the {@code provider-page/<id>} document when the
 *       page changed.
 *   <li>A command that creates (a listing, a booking) names what it made with its own id, so the
 *       same command again gets its first answer and changes nothing.
 *   <li>A wrong actor is a 403, a payload that breaks the contract or an unknown type a 422 naming
 *       the field, a rule broken by the state a 404 or 409 naming the rule.
 * </ul>
 *
 * <p>Also {@link Refreshing}: a page lists open slots, which go stale as time passes, and is made
 * again when its first open slot starts or a free slot enters its 14 days; a refresh also prunes
 * bookings that ended more than 30 days before.
 */
public final class ProviderDecider implements Decider<ProviderState>, Refreshing<ProviderState> {

  private final Bookings bookings;

  /** Creates the rules with the operator's booking settings. */
  public ProviderDecider(BookingRules rules) {
    this.bookings = new Bookings(rules);
  }

  @Override
  public Decision<ProviderState> decide(
      Command command, Optional<ProviderState> current, Instant now) {
    try {
      return withJobs(decideOrRefuse(command, current, now), now);
    } catch (Refusal refusal) {
      return Decision.rejected(command, refusal.problem(), now);
    }
  }

  private Decision<ProviderState> decideOrRefuse(
      Command command, Optional<ProviderState> current, Instant now) {
    String type = command.type();
    if (!ProviderCommands.TYPES.contains(type)) {
      return Decision.rejected(command, unknownType(type), now);
    }
    if (type.equals(ProviderCommands.SET_PROFILE)) {
      ProviderState state = current.orElseGet(() -> ProviderState.empty(command.key()));
      return Catalogue.setProfile(command, state, now);
    }

    ProviderState state = current.orElseThrow(() -> notFound(command.key()));
    return switch (type) {
      case ProviderCommands.CREATE_LISTING -> Catalogue.createListing(command, state, now);
      case ProviderCommands.CHANGE_LISTING -> Catalogue.changeListing(command, state, now);
      case ProviderCommands.WITHDRAW_LISTING -> Catalogue.withdrawListing(command, state, now);
      case ProviderCommands.SET_AVAILABILITY -> Catalogue.setAvailability(command, state, now);
      case ProviderCommands.REQUEST_BOOKING -> bookings.request(command, state, now);
      case ProviderCommands.CANCEL_BOOKING -> bookings.cancel(command, state, now);
      case ProviderCommands.POST_REVIEW -> Reviews.post(command, state, now);
      default -> bookings.move(command, state, now);
    };
  }

  /** Adds the mail jobs the decision's booking events need; see {@link BookingJobs}. */
  private static Decision<ProviderState> withJobs(Decision<ProviderState> decision, Instant now) {
    // Only a provider with hours takes bookings, and hours are replaced, never removed.
    return decision
        .newState()
        .filter(state -> state.hours() != null)
        .map(state -> BookingJobs.addTo(decision, state.hours().timeZone(), now))
        .orElse(decision);
  }

  @Override
  public Optional<Instant> nextRefresh(ProviderState state) {
    return ProviderPages.nextRefresh(state);
  }

  @Override
  public Refresh<ProviderState> refresh(String key, ProviderState state, Instant now) {
    ProviderState pruned = state.withBookings(ProviderPages.pruned(state, now));
    var page = ProviderPages.page(pruned, now);
    if (page.isEmpty()) {
      return new Refresh<>(pruned, List.of());
    }
    if (page.equals(ProviderPages.page(state, state.pageAt()))) {
      // Nothing to publish, but the page now counts as made at this time, so that its next
      // refresh is reckoned from now and lies ahead.
      return new Refresh<>(pruned.withPage(state.pageVersion(), now), List.of());
    }

    long version = state.version() + 1;
    ProviderState refreshed = pruned.changed(version, state.changedAt()).withPage(version, now);
    String requestId = "refresh:" + key + ":" + version;
    List<ViewDocument> views = ProviderPages.document(refreshed, requestId).stream().toList();
    return new Refresh<>(refreshed, views);
  }

  private static Refusal notFound(String providerId) {
    return Refusal.notFound("provider-not-found", "no provider " + providerId);
  }

  private static Problem unknownType(String type) {
    return Problem.invalidField(
        "type",
        "unknown command type '"
            + type
            + "'; providers decide "
            + String.join(", ", ProviderCommands.TYPES));
  }
}
