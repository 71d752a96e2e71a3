package app.fixmo.edge.bookings;

import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.http.ApiException;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.platform.views.ViewStore.Served;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.AccountBookings;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;

/**
 * Reads bookings from the cache, each stored version parsed once: a booking is shown only to its
 * two parties, and an account's bookings only to that account.
 */
final class BookingReads {

  private static final int PARSED_BOOKINGS = 10_000;
  private static final int PARSED_ACCOUNTS = 1_000;

  private final ViewStore views;
  private final Cache<String, Booking> bookings =
      Caffeine.newBuilder().maximumSize(PARSED_BOOKINGS).build();
  private final Cache<String, AccountBookings> accounts =
      Caffeine.newBuilder().maximumSize(PARSED_ACCOUNTS).build();

  BookingReads(ViewStore views) {
    this.views = views;
  }

  /** A booking as stored: the bytes to serve and what they say. */
  record Found(Served served, Booking booking) {}

  /** An account's index of bookings, newest first, at a version of it (0 when none). */
  record Listed(List<BookingEntry> items, long version) {}

  /**
   * Returns a booking the caller is a party to. An unknown id and someone else's booking get the
   * same 404, so ids tell nothing about other people's bookings.
   */
  Found visibleTo(Caller caller, String bookingId) {
    return views
        .serve(ProviderViews.BOOKING, bookingId)
        .map(served -> new Found(served, booking(served)))
        .filter(found -> isParty(caller, found.booking()))
        .orElseThrow(() -> ApiException.notFound("no booking " + bookingId));
  }

  /** Returns the bookings of an account, as customer or provider; none before its first. */
  Listed of(String accountId) {
    Optional<Served> served = views.serve(ProviderViews.ACCOUNT_BOOKINGS, accountId);
    if (served.isEmpty()) {
      return new Listed(List.of(), 0);
    }
    Served document = served.get();
    AccountBookings parsed =
        accounts.get(document.etag(), etag -> Json.read(document.json(), AccountBookings.class));
    return new Listed(parsed.items(), document.version());
  }

  /**
   * Returns a booking the index names, ready to send; empty in the moment between a booking's index
   * line and its document reaching this cache, which cannot happen in practice because the
   * processors write the document first.
   */
  Optional<Served> indexed(BookingEntry entry) {
    return views.serve(ProviderViews.BOOKING, entry.bookingId());
  }

  private Booking booking(Served served) {
    return bookings.get(served.etag(), etag -> Json.read(served.json(), Booking.class));
  }

  private static boolean isParty(Caller caller, Booking booking) {
    return caller.accountId().equals(booking.customerId())
        || caller.accountId().equals(booking.providerId());
  }
}
