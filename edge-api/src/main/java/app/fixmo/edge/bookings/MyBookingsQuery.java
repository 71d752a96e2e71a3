package app.fixmo.edge.bookings;

import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.providers.Paging;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import io.javalin.http.Context;
import java.util.List;

/**
 * What {@code GET /api/me/bookings} asks for: one page of the caller's bookings, all of them or
 * those in one status.
 *
 * @param status the status to keep, or null for every booking
 */
record MyBookingsQuery(BookingStatus status, Paging paging) {

  /** Reads the query parameters; 422 naming the first that is wrong. */
  static MyBookingsQuery of(Context ctx) {
    return of(ctx.queryParam("status"), ctx.queryParam("page"), ctx.queryParam("pageSize"));
  }

  /** Reads the query as sent, any part absent; 422 naming the first that is wrong. */
  static MyBookingsQuery of(String status, String page, String pageSize) {
    return new MyBookingsQuery(status(status), Paging.of(page, pageSize));
  }

  /** Returns the bookings this query keeps, in the order given. */
  List<BookingEntry> kept(List<BookingEntry> bookings) {
    if (status == null) {
      return bookings;
    }
    return bookings.stream().filter(booking -> booking.status() == status).toList();
  }

  /** Returns what the query filters on, as it goes into an entity tag. */
  String filter() {
    return status == null ? "all" : status.wireName();
  }

  private static BookingStatus status(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return BookingStatus.fromWire(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(Problem.invalidField("status", e.getMessage()));
    }
  }
}
