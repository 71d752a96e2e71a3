package app.fixmo.schemas.providers;

import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import app.fixmo.schemas.providers.ProviderViews.Listing;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * The facts the providers processor records, keyed by provider id. Booking events carry the whole
 * booking as it is after the change, so a consumer needs no state to follow a booking.
 */
public final class ProviderEvents {

  /** Type of {@link ProfileSet}. */
  public static final String PROFILE_SET = "provider.profile-set";

  /** Type of {@link ListingSaved} for a new listing. */
  public static final String LISTING_CREATED = "listing.created";

  /** Type of {@link ListingSaved} for a changed listing. */
  public static final String LISTING_CHANGED = "listing.changed";

  /** Type of {@link ListingWithdrawn}. */
  public static final String LISTING_WITHDRAWN = "listing.withdrawn";

  /** Type of {@link AvailabilitySet}. */
  public static final String AVAILABILITY_SET = "provider.availability-set";

  /** Type of {@link SummaryChanged}: what lists show of the provider changed. */
  public static final String SUMMARY_CHANGED = "provider.summary-changed";

  /** Type of {@link BookingChanged} for a new, confirmed booking. */
  public static final String BOOKING_CONFIRMED = "booking.confirmed";

  /** Type of {@link BookingChanged}. */
  public static final String BOOKING_STARTED = "booking.started";

  /** Type of {@link BookingChanged}. */
  public static final String BOOKING_COMPLETED = "booking.completed";

  /** Type of {@link BookingChanged}. */
  public static final String BOOKING_CANCELLED = "booking.cancelled";

  /** Type of {@link BookingChanged}. */
  public static final String BOOKING_NO_SHOW = "booking.no-show";

  /** Type of {@link BookingChanged}: the booking's customer reviewed it. */
  public static final String BOOKING_REVIEWED = "booking.reviewed";

  /** The booking event types, whose payload is {@link BookingChanged}. */
  public static final List<String> BOOKING_TYPES =
      List.of(
          BOOKING_CONFIRMED,
          BOOKING_STARTED,
          BOOKING_COMPLETED,
          BOOKING_CANCELLED,
          BOOKING_NO_SHOW,
          BOOKING_REVIEWED);

  private ProviderEvents() {}

  /** The provider's profile as set. */
  public record ProfileSet(
      String providerId, String displayName, String bio, String city, List<Category> categories) {}

  /** A listing as created or changed. */
  public record ListingSaved(String providerId, Listing listing) {}

  /** A listing was taken off the page. */
  public record ListingWithdrawn(String providerId, String listingId) {}

  /** The provider's weekly hours as set. */
  public record AvailabilitySet(String providerId, WeeklyHours availability) {}

  /**
   * What the provider lists show of a provider, before and after a change, so the directory can
   * take it out of lists it left without keeping state of its own.
   *
   * @param previous the summary before, or null when the provider was not listed before
   */
  public record SummaryChanged(ProviderSummary current, ProviderSummary previous) {}

  /**
   * What lists show of a provider.
   *
   * @param priceFrom per category wire name, the lowest price of its active listings; a category
   *     without an active listing is absent
   */
  public record ProviderSummary(
      String providerId,
      String displayName,
      String city,
      List<Category> categories,
      CardRating rating,
      SortedMap<String, Long> priceFrom) {}

  /**
   * A booking after a change.
   *
   * @param booking the whole booking, its status and history included
   * @param at when the change was decided
   */
  public record BookingChanged(Booking booking, Instant at) {}
}
