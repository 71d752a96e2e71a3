package app.fixmo.processors.bookinglists;

import app.fixmo.schemas.providers.ProviderViews.AccountBookings;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the booking lists keep of one account (a customer or a provider), under its account id.
 *
 * <p>Stored as strict JSON in the state store and its changelog. A component added later reads as
 * null from older records; keep old components until the changelog has been rewritten.
 *
 * @param version counts the changes of the list, from 1; its document carries it
 * @param bookings the latest known version of each of the account's bookings, by booking id
 */
record AccountBookingsState(long version, SortedMap<String, BookingEntry> bookings) {

  /** Newest first: by when the booking was made, then by booking id, both descending. */
  static final Comparator<BookingEntry> ORDER =
      Comparator.<BookingEntry, Instant>comparing(BookingEntry::bookedAt)
          .thenComparing(BookingEntry::bookingId)
          .reversed();

  /** Returns the state of an account without bookings. */
  static AccountBookingsState empty() {
    return new AccountBookingsState(0, new TreeMap<>());
  }

  /**
   * Returns the state with the booking, or empty when the held copy is as new or newer: a
   * redelivered or reordered event must not take a booking back in time.
   */
  Optional<AccountBookingsState> with(Booking booking) {
    BookingEntry held = bookings.get(booking.bookingId());
    if (held != null && held.version() >= booking.version()) {
      return Optional.empty();
    }

    SortedMap<String, BookingEntry> next = new TreeMap<>(bookings);
    next.put(booking.bookingId(), BookingEntry.of(booking));
    return Optional.of(new AccountBookingsState(version + 1, next));
  }

  /** Returns the list as the edge serves it. */
  AccountBookings document(String accountId) {
    return new AccountBookings(accountId, bookings.values().stream().sorted(ORDER).toList());
  }
}
