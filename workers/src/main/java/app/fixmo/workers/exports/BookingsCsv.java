package app.fixmo.workers.exports;

import app.fixmo.schemas.providers.ProviderViews.Booking;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a provider's bookings as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted
 * when it holds a comma, a quote or a line break, quotes doubled), one header row, then one row per
 * booking, newest first.
 *
 * <p>Free text someone typed (listing title, customer name, address, notes, review) may start with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would
 * run as a formula; such a field gets a leading apostrophe, so it is shown as text. The apostrophe
 * is the only change made to any value.
 */
final class BookingsCsv {

  /** The header row, in column order. */
  static final List<String> COLUMNS =
      List.of(
          "booking_id",
          "status",
          "start_utc",
          "end_utc",
          "start_local",
          "end_local",
          "time_zone",
          "listing_id",
          "listing_title",
          "customer_id",
          "customer_name",
          "address",
          "notes",
          "booked_at_utc",
          "rating",
          "review_comment");

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
          .setUseHeader(true)
          .setLineSeparator("\r\n")
          .build();
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private BookingsCsv() {}

  /** Returns the CSV of the bookings: the header, then a row per booking in the given order. */
  static String write(ProviderBookings data) {
    StringWriter out = new StringWriter();
    try (SequenceWriter rows = MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(out)) {
      for (Booking booking : data.bookings()) {
        rows.write(row(booking, data));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory failed", e);
    }
    return out.toString();
  }

  private static String[] row(Booking booking, ProviderBookings data) {
    ZoneId zone = data.zone().orElse(null);
    return new String[] {
      booking.bookingId(),
      booking.status().wireName(),
      utc(booking.start()),
      utc(booking.end()),
      local(booking.start(), zone),
      local(booking.end(), zone),
      zone == null ? "" : zone.getId(),
      booking.listingId(),
      text(booking.listingTitle()),
      booking.customerId(),
      text(data.customerNames().get(booking.customerId())),
      text(booking.address()),
      text(booking.notes()),
      utc(ProviderBookings.bookedAt(booking)),
      booking.review() == null ? "" : Integer.toString(booking.review().rating()),
      booking.review() == null ? "" : text(booking.review().comment())
    };
  }

  private static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String local(Instant instant, ZoneId zone) {
    return zone == null ? "" : LOCAL.format(instant.atZone(zone));
  }

  /** Returns free text as a spreadsheet will show it, never run it; null as empty. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
