package app.fixmo.workers.exports;

import app.fixmo.schemas.providers.ProviderViews.Booking;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an export of a provider's bookings is made from, as read from the view cache.
 *
 * @param bookings the provider's bookings, newest first (by when they were made)
 * @param zone the provider's time zone, or empty when its page names none
 * @param customerNames each customer's name by account id; a customer missing here has no name
 */
record ProviderBookings(
    List<Booking> bookings, Optional<ZoneId> zone, Map<String, String> customerNames) {

  /** Newest first by when a booking was made; equal times by id, so the order is defined. */
  static final Comparator<Booking> NEWEST_FIRST =
      Comparator.comparing(ProviderBookings::bookedAt).thenComparing(Booking::bookingId).reversed();

  ProviderBookings {
    bookings = bookings.stream().sorted(NEWEST_FIRST).toList();
    customerNames = Map.copyOf(customerNames);
  }

  /** Returns when a booking was made: its first step. */
  static Instant bookedAt(Booking booking) {
    return booking.history().get(0).at();
  }
}
