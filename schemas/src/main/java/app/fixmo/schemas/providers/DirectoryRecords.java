package app.fixmo.schemas.providers;

import app.fixmo.schemas.providers.ProviderViews.ProviderCard;

/** What flows between the stages of the directory, on its own topics. */
public final class DirectoryRecords {

  private DirectoryRecords() {}

  /**
   * A provider's card for one list, or its removal from it. Keyed by the list key.
   *
   * @param listKey {@link DirectoryKeys#listKey} of the category and city
   * @param city the city's display name, as the provider wrote it
   * @param card the card to show, or null to take the provider out of the list
   */
  public record DirectoryEntry(
      String listKey, Category category, String city, String providerId, ProviderCard card) {}

  /** How many providers one list holds now. Keyed by {@link ProviderViews#ALL}. */
  public record ListSize(String listKey, Category category, String city, int size) {}
}
