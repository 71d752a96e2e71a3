package app.fixmo.schemas.providers;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * The read models of the marketplace, as the edge serves them. Each is one document in the cache,
 * made by the processors; the edge reads it whole (and at most slices a page out of a list).
 *
 * <p>Documents must serialise byte for byte the same from the same state: maps are sorted, lists
 * are in a defined order.
 */
public final class ProviderViews {

  /** View of {@link ProviderPage} documents, keyed by provider id. */
  public static final String PROVIDER_PAGE = "provider-page";

  /** View of {@link Booking} documents, keyed by booking id. */
  public static final String BOOKING = "booking";

  /** View of {@link ProviderList} documents, keyed by {@link DirectoryKeys#listKey}. */
  public static final String PROVIDER_LIST = "provider-list";

  /** View of the one {@link CategoryCounts} document, keyed by {@value #ALL}. */
  public static final String CATEGORIES = "categories";

  /** View of {@link AccountBookings} documents, keyed by account id (customer or provider). */
  public static final String ACCOUNT_BOOKINGS = "account-bookings";

  /** The id of the one categories document. */
  public static final String ALL = "all";

  private ProviderViews() {}

  /**
   * A provider's page.
   *
   * @param openSlots free slot starts in time order, from the time the page was made to 14 days on
   * @param timeZone the provider's zone, or null before hours are set
   * @param slotMinutes the slot length, or null before hours are set
   */
  public record ProviderPage(
      String providerId,
      String displayName,
      String bio,
      String city,
      List<Category> categories,
      List<Listing> listings,
      Rating rating,
      List<Review> reviews,
      List<Instant> openSlots,
      String timeZone,
      Integer slotMinutes) {}

  /** An active listing, as the page shows it. */
  public record Listing(
      String listingId,
      Category category,
      String title,
      String description,
      long priceFrom,
      int durationMinutes) {}

  /**
   * A rating summary.
   *
   * @param average the mean rating rounded to two decimals, 0 with no reviews
   * @param histogram how many reviews gave each rating, keys "1" to "5", all present
   */
  public record Rating(double average, int count, SortedMap<String, Integer> histogram) {}

  /** One review, as the page shows it (newest first, at most ten). */
  public record Review(String bookingId, int rating, String comment, Instant at) {}

  /** A provider in a list: the card of one category, in one city. */
  public record ProviderCard(
      String providerId,
      String displayName,
      String city,
      List<Category> categories,
      CardRating rating,
      Long priceFrom) {}

  /** The short rating a card shows. */
  public record CardRating(double average, int count) {}

  /**
   * The providers of one category in one city, best rated first, then most reviewed, then by
   * provider id, so pages are stable.
   */
  public record ProviderList(Category category, String city, List<ProviderCard> items) {}

  /** How many providers each category has, overall and per city. */
  public record CategoryCounts(List<CategoryCount> items) {}

  /**
   * One category's count.
   *
   * @param cities providers per city, by the city's display name, sorted
   */
  public record CategoryCount(
      Category category, int providers, SortedMap<String, Integer> cities) {}

  /** The life of a booking. */
  public enum BookingStatus {
    CONFIRMED,
    STARTED,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads the wire name; anything else is refused. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static BookingStatus fromWire(String value) {
      for (BookingStatus status : values()) {
        if (status.wireName().equals(value)) {
          return status;
        }
      }
      throw new IllegalArgumentException(
          "must be confirmed, started, completed, cancelled or no_show");
    }

    /** Tells whether the booking holds its slot in this status. */
    public boolean holdsSlot() {
      return this == CONFIRMED || this == STARTED || this == COMPLETED;
    }
  }

  /**
   * A booking, as its two parties see it.
   *
   * @param end start plus the listing's duration
   * @param history every status it went through, oldest first
   * @param review the customer's review, or null
   * @param version counts the booking's changes, from 1
   */
  public record Booking(
      String bookingId,
      String providerId,
      String customerId,
      String listingId,
      String listingTitle,
      Instant start,
      Instant end,
      BookingStatus status,
      String address,
      String notes,
      List<Step> history,
      Review review,
      long version) {}

  /**
   * One move in a booking's life.
   *
   * @param by the actor that made it, {@code account:<id>}
   * @param reason why, for a cancellation; otherwise null
   */
  public record Step(BookingStatus status, Instant at, String by, String reason) {}

  /**
   * An account's bookings, as a customer or as a provider, newest first: an index, not the bookings
   * themselves, so that one more booking adds a line, not a whole booking, to a document that is
   * rewritten on every change. The edge serves each page from the booking documents.
   */
  public record AccountBookings(String accountId, List<BookingEntry> items) {}

  /**
   * One booking in an account's index.
   *
   * @param bookedAt when it was made (its first step), the order of the index
   * @param version the booking's version the index last saw
   */
  public record BookingEntry(
      String bookingId, BookingStatus status, Instant start, Instant bookedAt, long version) {

    /** Returns the index line of a booking. */
    public static BookingEntry of(Booking booking) {
      return new BookingEntry(
          booking.bookingId(),
          booking.status(),
          booking.start(),
          booking.history().get(0).at(),
          booking.version());
    }
  }
}
