package app.fixmo.workers.exports;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Review;
import app.fixmo.schemas.providers.ProviderViews.Step;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingsCsvTest {

  private static final Instant MONDAY_8AM_MANILA = Instant.parse("2026-12-07T00:00:00Z");
  private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
  private static final String HEADER =
      "booking_id,status,start_utc,end_utc,start_local,end_local,time_zone,listing_id,"
          + "listing_title,customer_id,customer_name,address,notes,booked_at_utc,rating,"
          + "review_comment";

  @Test
  void firstLineIsTheHeaderAndLinesEndInCrLf() {
    String csv = BookingsCsv.write(data(booking("b1", "c1", 1, "notes")));

    assertThat(csv).startsWith(HEADER + "\r\n");
    assertThat(csv).endsWith("\r\n");
    assertThat(csv.split("\r\n")).hasSize(2);
  }

  @Test
  void anExportWithoutBookingsIsTheHeaderAlone() {
    String csv = BookingsCsv.write(data());

    assertThat(csv).isEqualTo(HEADER + "\r\n");
  }

  @Test
  void notesWithCommaQuotesAndLineBreaksAreQuotedAndReadBackWhole() throws IOException {
    String notes = "Gate code 4411, ask for \"Lola\" at the store\nthen up the stairs";

    String csv = BookingsCsv.write(data(booking("b1", "c1", 1, notes)));

    assertThat(csv)
        .contains(",\"Gate code 4411, ask for \"\"Lola\"\" at the store\nthen up the stairs\",");
    assertThat(column(parse(csv).get(1), "notes")).isEqualTo(notes);
  }

  @Test
  void rowsAreNewestBookedFirstWhateverOrderTheyCameIn() throws IOException {
    Booking oldest = booking("b-old", "c1", 1, "");
    Booking newest = booking("b-new", "c1", 30, "");
    Booking middle = booking("b-mid", "c1", 10, "");

    List<String[]> rows = parse(BookingsCsv.write(data(oldest, newest, middle)));

    assertThat(rows.subList(1, rows.size()).stream().map(row -> column(row, "booking_id")))
        .containsExactly("b-new", "b-mid", "b-old");
  }

  @Test
  void timesAreShownInUtcAndInTheProvidersZone() throws IOException {
    List<String[]> rows = parse(BookingsCsv.write(data(booking("b1", "c1", 1, ""))));

    String[] row = rows.get(1);
    assertThat(column(row, "start_utc")).isEqualTo("2026-12-07T00:00:00Z");
    assertThat(column(row, "end_utc")).isEqualTo("2026-12-07T01:00:00Z");
    assertThat(column(row, "start_local")).isEqualTo("2026-12-07T08:00:00+08:00");
    assertThat(column(row, "end_local")).isEqualTo("2026-12-07T09:00:00+08:00");
    assertThat(column(row, "time_zone")).isEqualTo("Asia/Manila");
    assertThat(column(row, "booked_at_utc")).isEqualTo("2026-11-30T00:01:00Z");
  }

  @Test
  void withoutAZoneTheLocalColumnsAreEmpty() throws IOException {
    var data =
        new ProviderBookings(List.of(booking("b1", "c1", 1, "")), Optional.empty(), Map.of());

    String[] row = parse(BookingsCsv.write(data)).get(1);

    assertThat(column(row, "start_utc")).isEqualTo("2026-12-07T00:00:00Z");
    assertThat(column(row, "start_local")).isEmpty();
    assertThat(column(row, "time_zone")).isEmpty();
  }

  @Test
  void everyColumnOfABookingIsFilledFromIt() throws IOException {
    Booking reviewed = reviewed(booking("b1", "c1", 1, "bring a ladder"), 4, "Neat work.");

    String[] row = parse(BookingsCsv.write(data(reviewed))).get(1);

    assertThat(column(row, "booking_id")).isEqualTo("b1");
    assertThat(column(row, "status")).isEqualTo("completed");
    assertThat(column(row, "listing_id")).isEqualTo("l1");
    assertThat(column(row, "listing_title")).isEqualTo("Leak and clog repair");
    assertThat(column(row, "customer_id")).isEqualTo("c1");
    assertThat(column(row, "customer_name")).isEqualTo("Ana Reyes");
    assertThat(column(row, "address")).isEqualTo("1420 Mabini St., Malate");
    assertThat(column(row, "notes")).isEqualTo("bring a ladder");
    assertThat(column(row, "rating")).isEqualTo("4");
    assertThat(column(row, "review_comment")).isEqualTo("Neat work.");
  }

  @Test
  void aBookingNotReviewedHasNoRating() throws IOException {
    String[] row = parse(BookingsCsv.write(data(booking("b1", "c1", 1, "")))).get(1);

    assertThat(column(row, "status")).isEqualTo("confirmed");
    assertThat(column(row, "rating")).isEmpty();
    assertThat(column(row, "review_comment")).isEmpty();
  }

  @Test
  void aCustomerWhoseAccountIsNotInTheCacheHasNoName() throws IOException {
    String[] row = parse(BookingsCsv.write(data(booking("b1", "c-unknown", 1, "")))).get(1);

    assertThat(column(row, "customer_id")).isEqualTo("c-unknown");
    assertThat(column(row, "customer_name")).isEmpty();
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsShownAsText() throws IOException {
    String formula = "=HYPERLINK(\"http://example.com\",\"click\")";

    String[] row = parse(BookingsCsv.write(data(booking("b1", "c1", 1, formula)))).get(1);

    assertThat(column(row, "notes")).isEqualTo("'" + formula);
    assertThat(BookingsCsv.text("+63 917 555 0101")).isEqualTo("'+63 917 555 0101");
    assertThat(BookingsCsv.text("@home")).isEqualTo("'@home");
    assertThat(BookingsCsv.text("-")).isEqualTo("'-");
    assertThat(BookingsCsv.text("Unit 3-B")).isEqualTo("Unit 3-B");
  }

  private static ProviderBookings data(Booking... bookings) {
    return new ProviderBookings(
        List.of(bookings), Optional.of(MANILA), Map.of("c1", "Ana Reyes", "c2", "Paolo"));
  }

  /** A confirmed hour from 08:00 Manila, made {@code bookedMinute} minutes into 30 Nov. */
  private static Booking booking(String id, String customerId, int bookedMinute, String notes) {
    Instant bookedAt = Instant.parse("2026-11-30T00:00:00Z").plus(Duration.ofMinutes(bookedMinute));
    return new Booking(
        id,
        "p1",
        customerId,
        "l1",
        "Leak and clog repair",
        MONDAY_8AM_MANILA,
        MONDAY_8AM_MANILA.plus(Duration.ofHours(1)),
        BookingStatus.CONFIRMED,
        "1420 Mabini St., Malate",
        notes,
        List.of(new Step(BookingStatus.CONFIRMED, bookedAt, "account:" + customerId, null)),
        null,
        1);
  }

  private static Booking reviewed(Booking booking, int rating, String comment) {
    Instant at = booking.end().plus(Duration.ofHours(2));
    return new Booking(
        booking.bookingId(),
        booking.providerId(),
        booking.customerId(),
        booking.listingId(),
        booking.listingTitle(),
        booking.start(),
        booking.end(),
        BookingStatus.COMPLETED,
        booking.address(),
        booking.notes(),
        booking.history(),
        new Review(booking.bookingId(), rating, comment, at),
        3);
  }

  private static List<String[]> parse(String csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(csv)) {
      return rows.readAll();
    }
  }

  private static String column(String[] row, String name) {
    int index = BookingsCsv.COLUMNS.indexOf(name);
    assertThat(index).as("column " + name).isNotNegative();
    assertThat(row).as(Arrays.toString(row)).hasSize(BookingsCsv.COLUMNS.size());
    return row[index];
  }
}
