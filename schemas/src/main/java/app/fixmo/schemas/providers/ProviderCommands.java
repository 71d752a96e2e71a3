package app.fixmo.schemas.providers;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.SchemaViolation;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The commands the providers processor decides, and their payloads. Every one is keyed by the
 * provider's id (its account id), so one provider's catalogue, hours and bookings are decided in
 * order, by one owner, against one state.
 *
 * <p>The actor of a command ({@code account:<id>}) says who asks; the processor checks it is
 * allowed (the provider itself for catalogue and lifecycle moves, the booking's customer for a
 * review).
 */
public final class ProviderCommands {

  /** Type of {@link SetProfile}. */
  public static final String SET_PROFILE = "provider.set-profile";

  /** Type of {@link CreateListing}; the new listing's id is the command's id. */
  public static final String CREATE_LISTING = "listing.create";

  /** Type of {@link ChangeListing}. */
  public static final String CHANGE_LISTING = "listing.change";

  /** Type of {@link WithdrawListing}. */
  public static final String WITHDRAW_LISTING = "listing.withdraw";

  /** Type of a {@link WeeklyHours} payload: replaces the hours; confirmed bookings stay. */
  public static final String SET_AVAILABILITY = "provider.set-availability";

  /** Type of {@link RequestBooking}; the new booking's id is the command's id. */
  public static final String REQUEST_BOOKING = "booking.request";

  /** Type of {@link MoveBooking}: the provider starts a confirmed booking. */
  public static final String START_BOOKING = "booking.start";

  /** Type of {@link MoveBooking}: the provider completes a started booking. */
  public static final String COMPLETE_BOOKING = "booking.complete";

  /** Type of {@link MoveBooking}: the provider reports that the customer was not there. */
  public static final String NO_SHOW_BOOKING = "booking.no-show";

  /** Type of {@link CancelBooking}: either party cancels. */
  public static final String CANCEL_BOOKING = "booking.cancel";

  /** Type of {@link PostReview}. */
  public static final String POST_REVIEW = "review.post";

  /** Every command type this processor decides. */
  public static final List<String> TYPES =
      List.of(
          SET_PROFILE,
          CREATE_LISTING,
          CHANGE_LISTING,
          WITHDRAW_LISTING,
          SET_AVAILABILITY,
          REQUEST_BOOKING,
          START_BOOKING,
          COMPLETE_BOOKING,
          NO_SHOW_BOOKING,
          CANCEL_BOOKING,
          POST_REVIEW);

  private ProviderCommands() {}

  /** Sets or replaces the provider's public profile; the first one puts the provider on show. */
  public record SetProfile(String displayName, String bio, String city, List<Category> categories) {

    public SetProfile {
      Fields.text(displayName, "displayName", 100);
      Fields.optionalText(bio, "bio", 2000);
      Fields.text(city, "city", 100);
      categories = distinct(categories);
    }

    private static List<Category> distinct(List<Category> categories) {
      Fields.required(categories, "categories");
      if (categories.isEmpty()) {
        throw SchemaViolation.ofField("categories", "must name at least one category");
      }
      categories.forEach(category -> Fields.required(category, "categories"));
      return List.copyOf(new LinkedHashSet<>(categories));
    }
  }

  /** What a listing offers; shared by creating and changing one. */
  public record ListingFields(
      Category category, String title, String description, long priceFrom, int durationMinutes) {

    public ListingFields {
      Fields.required(category, "category");
      Fields.text(title, "title", 120);
      Fields.optionalText(description, "description", 2000);
      if (priceFrom < 0 || priceFrom > 100_000_000) {
        throw SchemaViolation.ofField("priceFrom", "must be between 0 and 100000000");
      }
      Fields.between(durationMinutes, "durationMinutes", 5, 720);
    }
  }

  /** Publishes a new listing. */
  public record CreateListing(
      Category category, String title, String description, long priceFrom, int durationMinutes) {

    public CreateListing {
      new ListingFields(category, title, description, priceFrom, durationMinutes);
    }

    /** Returns the listing's fields. */
    public ListingFields fields() {
      return new ListingFields(category, title, description, priceFrom, durationMinutes);
    }
  }

  /** Replaces what an active listing offers. */
  public record ChangeListing(
      String listingId,
      Category category,
      String title,
      String description,
      long priceFrom,
      int durationMinutes) {

    public ChangeListing {
      Fields.text(listingId, "listingId", 100);
      new ListingFields(category, title, description, priceFrom, durationMinutes);
    }

    /** Returns the listing's new fields. */
    public ListingFields fields() {
      return new ListingFields(category, title, description, priceFrom, durationMinutes);
    }
  }

  /** Takes a listing off the page; its confirmed bookings stay. */
  public record WithdrawListing(String listingId) {

    public WithdrawListing {
      Fields.text(listingId, "listingId", 100);
    }
  }

  /**
   * Asks for a slot. The customer is the command's actor.
   *
   * @param listingId an active listing of the provider
   * @param start an instant on the provider's slot grid, in the future
   * @param address where the work is
   * @param notes anything the provider should know, or null
   */
  public record RequestBooking(String listingId, Instant start, String address, String notes) {

    public RequestBooking {
      Fields.text(listingId, "listingId", 100);
      Fields.required(start, "start");
      Fields.text(address, "address", 300);
      Fields.optionalText(notes, "notes", 1000);
    }
  }

  /** Moves a booking along its life: start, complete or no-show. */
  public record MoveBooking(String bookingId) {

    public MoveBooking {
      Fields.text(bookingId, "bookingId", 100);
    }
  }

  /** Cancels a booking, saying why. */
  public record CancelBooking(String bookingId, String reason) {

    public CancelBooking {
      Fields.text(bookingId, "bookingId", 100);
      Fields.text(reason, "reason", 500);
    }
  }

  /** Reviews a completed booking; its customer only, once. */
  public record PostReview(String bookingId, int rating, String comment) {

    public PostReview {
      Fields.text(bookingId, "bookingId", 100);
      Fields.between(rating, "rating", 1, 5);
      Fields.optionalText(comment, "comment", 2000);
    }
  }
}
