package app.fixmo.edge.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MyBookingsQueryTest {

  private static final List<BookingEntry> NEWEST_FIRST =
      List.of(
          booking("b3", BookingStatus.CONFIRMED),
          booking("b2", BookingStatus.CANCELLED),
          booking("b1", BookingStatus.CONFIRMED));

  @Test
  void withoutStatusEveryBookingIsKeptInStoredOrder() {
    MyBookingsQuery query = MyBookingsQuery.of(null, null, null);

    assertThat(query.kept(NEWEST_FIRST))
        .extracting(BookingEntry::bookingId)
        .containsExactly("b3", "b2", "b1");
    assertThat(query.filter()).isEqualTo("all");
  }

  @Test
  void statusKeepsOnlyBookingsInItNewestFirst() {
    MyBookingsQuery query = MyBookingsQuery.of("confirmed", "1", "5");

    assertThat(query.kept(NEWEST_FIRST))
        .extracting(BookingEntry::bookingId)
        .containsExactly("b3", "b1");
    assertThat(query.filter()).isEqualTo("confirmed");
  }

  @Test
  void noShowIsReadByItsWireName() {
    assertThat(MyBookingsQuery.of("no_show", null, null).status()).isEqualTo(BookingStatus.NO_SHOW);
  }

  @Test
  void unknownStatusIsRefusedNamingStatus() {
    assertThatThrownBy(() -> MyBookingsQuery.of("CONFIRMED", null, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().errors().getFirst().field()).isEqualTo("status");
              assertThat(e.problem().errors().getFirst().message())
                  .isEqualTo("must be confirmed, started, completed, cancelled or no_show");
            });
  }

  private static BookingEntry booking(String id, BookingStatus status) {
    Instant start = Instant.parse("2026-12-04T09:00:00Z");
    return new BookingEntry(id, status, start, start.minusSeconds(86_400), 1);
  }
}
