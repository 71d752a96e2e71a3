package app.fixmo.processors.directory;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.DirectoryKeys;
import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews.ProviderCard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a change of a provider's summary into the directory entries it leads to: a removal from
 * every list the provider left, and the new card in every list it is in now.
 *
 * <p>Cards are sent to every current list, changed or not; a list that gets a card equal to the one
 * it holds changes nothing, so the lists stay free of churn without this side keeping state.
 */
final class DirectoryEntries {

  private DirectoryEntries() {}

  /**
   * Returns the entries, removals first.
   *
   * @throws app.fixmo.schemas.json.SchemaViolation if a summary lacks a field the lists need
   */
  static List<DirectoryEntry> of(SummaryChanged change) {
    Map<String, DirectoryEntry> current = byListKey(checked(change.current(), "current"), true);
    Map<String, DirectoryEntry> left = byListKey(checked(change.previous(), "previous"), false);
    left.keySet().removeAll(current.keySet());

    List<DirectoryEntry> entries = new ArrayList<>(left.values());
    entries.addAll(current.values());
    return entries;
  }

  /** Returns an entry per list of the summary, with its cards or as removals; none for null. */
  private static Map<String, DirectoryEntry> byListKey(ProviderSummary summary, boolean carded) {
    Map<String, DirectoryEntry> entries = new LinkedHashMap<>();
    if (summary == null) {
      return entries;
    }
    for (Category category : summary.categories()) {
      String listKey = DirectoryKeys.listKey(category, summary.city());
      ProviderCard card = carded ? card(summary, category) : null;
      entries.putIfAbsent(
          listKey,
          new DirectoryEntry(listKey, category, summary.city(), summary.providerId(), card));
    }
    return entries;
  }

  private static ProviderCard card(ProviderSummary summary, Category category) {
    Long priceFrom =
        summary.priceFrom() == null ? null : summary.priceFrom().get(category.wireName());
    return new ProviderCard(
        summary.providerId(),
        summary.displayName(),
        summary.city(),
        summary.categories(),
        summary.rating(),
        priceFrom);
  }

  /** Returns the summary, checked to hold what a list needs; null stays null. */
  private static ProviderSummary checked(ProviderSummary summary, String field) {
    if (summary != null) {
      Fields.text(summary.providerId(), field + ".providerId", 300);
      Fields.text(summary.city(), field + ".city", 300);
      Fields.required(summary.categories(), field + ".categories")
          .forEach(category -> Fields.required(category, field + ".categories"));
      Fields.required(summary.rating(), field + ".rating");
    }
    return summary;
  }
}
