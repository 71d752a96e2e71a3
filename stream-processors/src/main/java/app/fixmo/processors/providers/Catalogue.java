package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.processors.providers.ProviderState.ListingState;
import app.fixmo.processors.providers.ProviderState.Profile;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands.ChangeListing;
import app.fixmo.schemas.providers.ProviderCommands.CreateListing;
import app.fixmo.schemas.providers.ProviderCommands.SetProfile;
import app.fixmo.schemas.providers.ProviderCommands.WithdrawListing;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.AvailabilitySet;
import app.fixmo.schemas.providers.ProviderEvents.ListingSaved;
import app.fixmo.schemas.providers.ProviderEvents.ListingWithdrawn;
import app.fixmo.schemas.providers.ProviderEvents.ProfileSet;
import app.fixmo.schemas.providers.WeeklyHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rules of what a provider offers: its profile, listings and weekly hours. */
final class Catalogue {

  private static final int OK = 200;
  private static final int CREATED = 201;
  private static final int NO_CONTENT = 204;

  private Catalogue() {}

  /** Sets the profile; the first one opens the provider. */
  static Decision<ProviderState> setProfile(Command command, ProviderState state, Instant now) {
    Actors.requireProvider(command);
    SetProfile set = Refusal.payload(command, SetProfile.class);

    for (ListingState listing : state.activeListings()) {
      if (!set.categories().contains(listing.category())) {
        throw Refusal.conflict(
            "category-in-use",
            "category "
                + listing.category().wireName()
                + " still has active listings; withdraw them before removing it");
      }
    }

    ProviderState changed = state.withProfile(Profile.of(set));
    var fact =
        new Change.Fact(
            ProviderEvents.PROFILE_SET,
            new ProfileSet(
                state.providerId(), set.displayName(), set.bio(), set.city(), set.categories()));
    return Change.of(changed, fact, OK, providerResource(state)).decide(command, state, now);
  }

  /** Publishes a listing under the command's id. */
  static Decision<ProviderState> createListing(Command command, ProviderState state, Instant now) {
    Actors.requireProvider(command);
    CreateListing create = Refusal.payload(command, CreateListing.class);
    String listingId = command.id().toString();

    // The listing's id is the id of the command that created it: seeing it again is a
    // redelivery, which gets its first answer.
    if (state.listings().containsKey(listingId)) {
      return Change.again(command, state, CREATED, listingResource(listingId), List.of(), now);
    }
    requireCategory(state, create.category());

    ListingState listing = ListingState.of(listingId, create.fields());
    var fact =
        new Change.Fact(
            ProviderEvents.LISTING_CREATED, new ListingSaved(state.providerId(), listing.view()));
    return Change.of(state.withListing(listing), fact, CREATED, listingResource(listingId))
        .decide(command, state, now);
  }

  /** Replaces what an active listing offers. */
  static Decision<ProviderState> changeListing(Command command, ProviderState state, Instant now) {
    Actors.requireProvider(command);
    ChangeListing change = Refusal.payload(command, ChangeListing.class);
    requireActive(state, change.listingId());
    requireCategory(state, change.category());

    ListingState listing = ListingState.of(change.listingId(), change.fields());
    var fact =
        new Change.Fact(
            ProviderEvents.LISTING_CHANGED, new ListingSaved(state.providerId(), listing.view()));
    return Change.of(state.withListing(listing), fact, OK, listingResource(listing.listingId()))
        .decide(command, state, now);
  }

  /** Takes a listing off the page; its bookings stay. */
  static Decision<ProviderState> withdrawListing(
      Command command, ProviderState state, Instant now) {
    Actors.requireProvider(command);
    WithdrawListing withdraw = Refusal.payload(command, WithdrawListing.class);
    ListingState listing = requireActive(state, withdraw.listingId());

    var fact =
        new Change.Fact(
            ProviderEvents.LISTING_WITHDRAWN,
            new ListingWithdrawn(state.providerId(), listing.listingId()));
    return Change.of(state.withListing(listing.withdrawn()), fact, NO_CONTENT, null)
        .decide(command, state, now);
  }

  /** Replaces the weekly hours; bookings already made keep their slots. */
  static Decision<ProviderState> setAvailability(
      Command command, ProviderState state, Instant now) {
    Actors.requireProvider(command);
    WeeklyHours hours = Refusal.payload(command, WeeklyHours.class);

    var fact =
        new Change.Fact(
            ProviderEvents.AVAILABILITY_SET, new AvailabilitySet(state.providerId(), hours));
    return Change.of(state.withHours(hours), fact, OK, providerResource(state))
        .decide(command, state, now);
  }

  private static void requireCategory(ProviderState state, Category category) {
    if (state.profile() == null) {
      throw Refusal.conflict("profile-missing", "set the provider's profile before listing");
    }
    List<Category> categories = state.profile().categories();
    if (!categories.contains(category)) {
      String known = categories.stream().map(Category::wireName).collect(Collectors.joining(", "));
      throw Refusal.invalid(
          "category",
          "must be one of the profile's categories (" + known + "), not " + category.wireName());
    }
  }

  private static ListingState requireActive(ProviderState state, String listingId) {
    return state
        .activeListing(listingId)
        .orElseThrow(
            () ->
                Refusal.notFound(
                    "listing-not-found", "the provider has no active listing " + listingId));
  }

  private static Map<String, String> providerResource(ProviderState state) {
    return Map.of("providerId", state.providerId());
  }

  private static Map<String, String> listingResource(String listingId) {
    return Map.of("listingId", listingId);
  }
}
