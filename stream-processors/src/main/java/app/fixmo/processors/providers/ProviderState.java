package app.fixmo.processors.providers;

import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands.ListingFields;
import app.fixmo.schemas.providers.ProviderCommands.SetProfile;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import app.fixmo.schemas.providers.ProviderViews.Review;
import app.fixmo.schemas.providers.WeeklyHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the providers processor keeps of one provider, under its id.
 *
 * <p>Stored as strict JSON in the state store and its changelog topic. A component added later
 * reads as null from older records; a component removed or renamed makes older records unreadable,
 * so keep old components until the changelog has been rewritten.
 *
 * <p>The provider page is a function of this state alone: it is made as of {@code pageAt}, so the
 * same state always gives the same document, byte for byte, at {@code pageVersion}.
 *
 * @param providerId the provider's id, its account id; also the store key
 * @param profile the public profile, or null before the first one is set
 * @param listings every listing by id, withdrawn ones included (bookings still name them)
 * @param hours the weekly hours, or null before they are set
 * @param bookings the bookings by id; ones that ended more than 30 days ago are pruned
 * @param ratings the sums behind the rating summary
 * @param reviews the latest reviews, newest first, at most {@value #LATEST_REVIEWS}
 * @param version grows with every accepted change and every page refresh
 * @param changedAt when the latest change was decided
 * @param pageVersion the version the current page was made at; 0 before there is a page
 * @param pageAt the time the current page was made as of, or null before there is a page
 */
public record ProviderState(
    String providerId,
    Profile profile,
    SortedMap<String, ListingState> listings,
    WeeklyHours hours,
    SortedMap<String, Booking> bookings,
    Ratings ratings,
    List<Review> reviews,
    long version,
    Instant changedAt,
    long pageVersion,
    Instant pageAt) {

  /** How many reviews the state and the page keep. */
  public static final int LATEST_REVIEWS = 10;

  public ProviderState {
    listings = Collections.unmodifiableSortedMap(new TreeMap<>(listings));
    bookings = Collections.unmodifiableSortedMap(new TreeMap<>(bookings));
    reviews = List.copyOf(reviews);
  }

  /** The public profile. */
  public record Profile(String displayName, String bio, String city, List<Category> categories) {

    public Profile {
      categories = List.copyOf(categories);
    }

    static Profile of(SetProfile set) {
      return new Profile(set.displayName(), set.bio(), set.city(), set.categories());
    }
  }

  /** A listing, and whether it is still on the page. */
  public record ListingState(
      String listingId,
      Category category,
      String title,
      String description,
      long priceFrom,
      int durationMinutes,
      boolean active) {

    static ListingState of(String listingId, ListingFields fields) {
      return new ListingState(
          listingId,
          fields.category(),
          fields.title(),
          fields.description(),
          fields.priceFrom(),
          fields.durationMinutes(),
          true);
    }

    ListingState withdrawn() {
      return new ListingState(
          listingId, category, title, description, priceFrom, durationMinutes, false);
    }

    ProviderViews.Listing view() {
      return new ProviderViews.Listing(
          listingId, category, title, description, priceFrom, durationMinutes);
    }
  }

  /**
   * The sums behind the rating summary.
   *
   * @param sum the ratings added up
   * @param histogram how many reviews gave each rating, keys "1" to "5", all present
   */
  public record Ratings(long sum, int count, SortedMap<String, Integer> histogram) {

    public Ratings {
      histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
    }

    static Ratings none() {
      SortedMap<String, Integer> histogram = new TreeMap<>();
      for (int rating = 1; rating <= 5; rating++) {
        histogram.put(Integer.toString(rating), 0);
      }
      return new Ratings(0, 0, histogram);
    }

    Ratings with(int rating) {
      SortedMap<String, Integer> counted = new TreeMap<>(histogram);
      counted.merge(Integer.toString(rating), 1, Integer::sum);
      return new Ratings(sum + rating, count + 1, counted);
    }

    /** Returns the mean rating rounded half up to two decimals, 0 without reviews. */
    double average() {
      if (count == 0) {
        return 0;
      }
      return BigDecimal.valueOf(sum)
          .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)
          .doubleValue();
    }

    ProviderViews.Rating view() {
      return new ProviderViews.Rating(average(), count, histogram);
    }

    CardRating card() {
      return new CardRating(average(), count);
    }
  }

  /** Returns the state of a provider that has nothing yet. */
  static ProviderState empty(String providerId) {
    return new ProviderState(
        providerId,
        null,
        new TreeMap<>(),
        null,
        new TreeMap<>(),
        Ratings.none(),
        List.of(),
        0,
        null,
        0,
        null);
  }

  /** Returns an active listing by id. */
  Optional<ListingState> activeListing(String listingId) {
    return Optional.ofNullable(listings.get(listingId)).filter(ListingState::active);
  }

  /** Returns the active listings, by id. */
  List<ListingState> activeListings() {
    return listings.values().stream().filter(ListingState::active).toList();
  }

  /** Returns the time the bookings hold, to ask about many slots at once. */
  HeldSlots heldSlots() {
    return new HeldSlots(bookings.values());
  }

  /** Returns what lists show of the provider, or empty before it has a profile. */
  Optional<ProviderSummary> summary() {
    if (profile == null) {
      return Optional.empty();
    }
    SortedMap<String, Long> priceFrom = new TreeMap<>();
    for (ListingState listing : activeListings()) {
      priceFrom.merge(listing.category().wireName(), listing.priceFrom(), Math::min);
    }
    return Optional.of(
        new ProviderSummary(
            providerId,
            profile.displayName(),
            profile.city(),
            profile.categories(),
            ratings.card(),
            priceFrom));
  }

  ProviderState withProfile(Profile changed) {
    return new ProviderState(
        providerId,
        changed,
        listings,
        hours,
        bookings,
        ratings,
        reviews,
        version,
        changedAt,
        pageVersion,
        pageAt);
  }

  ProviderState withListing(ListingState listing) {
    SortedMap<String, ListingState> changed = new TreeMap<>(listings);
    changed.put(listing.listingId(), listing);
    return new ProviderState(
        providerId,
        profile,
        changed,
        hours,
        bookings,
        ratings,
        reviews,
        version,
        changedAt,
        pageVersion,
        pageAt);
  }

  ProviderState withHours(WeeklyHours changed) {
    return new ProviderState(
        providerId,
        profile,
        listings,
        changed,
        bookings,
        ratings,
        reviews,
        version,
        changedAt,
        pageVersion,
        pageAt);
  }

  ProviderState withBooking(Booking booking) {
    SortedMap<String, Booking> changed = new TreeMap<>(bookings);
    changed.put(booking.bookingId(), booking);
    return withBookings(changed);
  }

  ProviderState withBookings(SortedMap<String, Booking> changed) {
    return new ProviderState(
        providerId,
        profile,
        listings,
        hours,
        changed,
        ratings,
        reviews,
        version,
        changedAt,
        pageVersion,
        pageAt);
  }

  /** Returns the state with a review counted in the rating and put first among the latest. */
  ProviderState withReview(Review review) {
    List<Review> latest = new ArrayList<>();
    latest.add(review);
    latest.addAll(reviews.subList(0, Math.min(reviews.size(), LATEST_REVIEWS - 1)));
    return new ProviderState(
        providerId,
        profile,
        listings,
        hours,
        bookings,
        ratings.with(review.rating()),
        latest,
        version,
        changedAt,
        pageVersion,
        pageAt);
  }

  ProviderState changed(long newVersion, Instant at) {
    return new ProviderState(
        providerId,
        profile,
        listings,
        hours,
        bookings,
        ratings,
        reviews,
        newVersion,
        at,
        pageVersion,
        pageAt);
  }

  ProviderState withPage(long newPageVersion, Instant newPageAt) {
    return new ProviderState(
        providerId,
        profile,
        listings,
        hours,
        bookings,
        ratings,
        reviews,
        version,
        changedAt,
        newPageVersion,
        newPageAt);
  }
}
