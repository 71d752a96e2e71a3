package app.fixmo.edge.providers;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;

/**
 * The bodies providers send that differ from the command payloads. A profile and weekly hours are
 * read straight into their payload records, which check every field themselves.
 */
final class ProviderRequests {

  private ProviderRequests() {}

  /**
   * {@code POST} and {@code PUT /api/providers/me/listings}. The numbers are boxed so that a
   * missing one is refused by name rather than read as 0.
   */
  record Listing(
      Category category,
      String title,
      String description,
      Long priceFrom,
      Integer durationMinutes) {

    Listing {
      Fields.required(priceFrom, "priceFrom");
      Fields.required(durationMinutes, "durationMinutes");
      new ProviderCommands.ListingFields(category, title, description, priceFrom, durationMinutes);
    }

    /** Returns the payload that creates this listing. */
    ProviderCommands.CreateListing create() {
      return new ProviderCommands.CreateListing(
          category, title, description, priceFrom, durationMinutes);
    }

    /** Returns the payload that changes the listing of the given id to this. */
    ProviderCommands.ChangeListing change(String listingId) {
      return new ProviderCommands.ChangeListing(
          listingId, category, title, description, priceFrom, durationMinutes);
    }
  }
}
