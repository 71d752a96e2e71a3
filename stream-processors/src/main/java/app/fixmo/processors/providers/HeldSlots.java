package app.fixmo.processors.providers;

import app.fixmo.schemas.providers.ProviderViews.Booking;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The time a provider's bookings hold, for answering "is this slot free?" many times over one
 * state: a page asks it for every slot of fourteen days.
 *
 * <p>Held intervals never overlap (a booking is confirmed only into free time), so they are sorted
 * by start and by end alike; the only one that can overlap {@code [from, to)} is the last that
 * starts before {@code to}.
 */
final class HeldSlots {

  private final NavigableMap<Instant, Instant> endByStart = new TreeMap<>();

  HeldSlots(Collection<Booking> bookings) {
    for (Booking booking : bookings) {
      if (booking.status().holdsSlot()) {
        endByStart.put(booking.start(), booking.end());
      }
    }
  }

  /** Tells whether no held booking overlaps {@code [from, to)}. */
  boolean isFree(Instant from, Instant to) {
    Map.Entry<Instant, Instant> last = endByStart.lowerEntry(to);
    return last == null || !last.getValue().isAfter(from);
  }
}
