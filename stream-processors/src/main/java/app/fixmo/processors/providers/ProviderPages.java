package app.fixmo.processors.providers;

import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The provider page, and how it goes stale: its open slots are those of a window that moves with
 * time, so the page changes when its first open slot starts and when the next free slot enters the
 * window's far end. Both times are known in advance, which is what {@link #nextRefresh} tells.
 */
final class ProviderPages {

  /** How far ahead a page shows open slots. */
  static final Duration WINDOW = Duration.ofDays(14);

  /** How long after it ended (completed, cancelled, no-show) a booking is kept. */
  static final Duration KEEP_ENDED = Duration.ofDays(30);

  // Past this, no booking can hold a slot (bookings are at most 90 days ahead), so the first
  // grid slot found is free; the search stops here for hours without any slot.
  private static final Duration SEARCH = Bookings.HORIZON.plus(Duration.ofDays(8));

  private ProviderPages() {}

  /** Returns the page as it is at a time, or empty before the provider has a profile. */
  static Optional<ProviderPage> page(ProviderState state, Instant at) {
    if (state.profile() == null || at == null) {
      return Optional.empty();
    }
    var profile = state.profile();
    var hours = state.hours();
    return Optional.of(
        new ProviderPage(
            state.providerId(),
            profile.displayName(),
            profile.bio(),
            profile.city(),
            profile.categories(),
            state.activeListings().stream().map(ProviderState.ListingState::view).toList(),
            state.ratings().view(),
            state.reviews(),
            openSlots(state, at),
            hours == null ? null : hours.timeZone(),
            hours == null ? null : hours.slotMinutes()));
  }

  /** Returns the state's current page document, as it was published, or empty without one. */
  static Optional<ViewDocument> document(ProviderState state, String requestId) {
    return page(state, state.pageAt())
        .map(
            page ->
                new ViewDocument(
                    ProviderViews.PROVIDER_PAGE,
                    state.providerId(),
                    state.pageVersion(),
                    state.pageAt(),
                    requestId,
                    Json.toTree(page)));
  }

  /** Returns the free slot starts in {@code (at, at + 14 days]}, in time order. */
  static List<Instant> openSlots(ProviderState state, Instant at) {
    if (state.hours() == null) {
      return List.of();
    }
    SlotGrid grid = new SlotGrid(state.hours());
    // The grid's windows are [from, to); one nanosecond turns them into (at, at + 14 days].
    return free(state, grid, grid.starts(at.plusNanos(1), at.plus(WINDOW).plusNanos(1)));
  }

  /**
   * Returns when the published page goes stale (its first open slot starts, or a free slot enters
   * the window) or a booking is due to be pruned, whichever comes first.
   */
  static Optional<Instant> nextRefresh(ProviderState state) {
    if (state.pageAt() == null) {
      return Optional.empty();
    }
    return Stream.of(
            openSlots(state, state.pageAt()).stream().findFirst(),
            nextEntering(state, state.pageAt()),
            firstPruneDue(state))
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  /** Returns the bookings without the ones that ended more than 30 days before {@code now}. */
  static SortedMap<String, Booking> pruned(ProviderState state, Instant now) {
    SortedMap<String, Booking> kept = new TreeMap<>(state.bookings());
    kept.values().removeIf(booking -> prunableAfter(booking).filter(now::isAfter).isPresent());
    return kept;
  }

  private static List<Instant> free(ProviderState state, SlotGrid grid, List<Instant> starts) {
    List<Instant> free = new ArrayList<>();
    HeldSlots held = state.heldSlots();
    for (Instant start : starts) {
      if (held.isFree(start, start.plus(grid.slotLength()))) {
        free.add(start);
      }
    }
    return free;
  }

  private static Optional<Instant> nextEntering(ProviderState state, Instant at) {
    if (state.hours() == null) {
      return Optional.empty();
    }
    SlotGrid grid = new SlotGrid(state.hours());
    Instant windowEnd = at.plus(WINDOW);
    // A week at a time: the first week nearly always holds a free slot.
    for (Instant from = windowEnd.plusNanos(1); from.isBefore(windowEnd.plus(SEARCH)); ) {
      Instant to = from.plus(Duration.ofDays(7));
      Optional<Instant> first = free(state, grid, grid.starts(from, to)).stream().findFirst();
      if (first.isPresent()) {
        return Optional.of(first.get().minus(WINDOW));
      }
      from = to;
    }
    return Optional.empty();
  }

  private static Optional<Instant> firstPruneDue(ProviderState state) {
    return state.bookings().values().stream()
        .map(ProviderPages::prunableAfter)
        .flatMap(Optional::stream)
        .min(Instant::compareTo)
        .map(after -> after.plusNanos(1));
  }

  /** Returns the time after which an ended booking is pruned; empty while it is still on. */
  private static Optional<Instant> prunableAfter(Booking booking) {
    if (booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.STARTED) {
      return Optional.empty();
    }
    Instant ended = booking.history().get(booking.history().size() - 1).at();
    return Optional.of(ended.plus(KEEP_ENDED));
  }
}
