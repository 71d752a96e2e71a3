package app.fixmo.processors.directory;

import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.DirectoryRecords.ListSize;
import app.fixmo.schemas.providers.ProviderViews.ProviderCard;
import app.fixmo.schemas.providers.ProviderViews.ProviderList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the directory keeps of one list (one category in one city), under its list key.
 *
 * <p>Stored as strict JSON in the state store and its changelog. A component added later reads as
 * null from older records; keep old components until the changelog has been rewritten.
 *
 * @param city the city's display name: the spelling most of its providers use, ties to the first in
 *     text order, so that one provider's typing does not rename the list for everyone
 * @param version counts the list's changes, from 1; its document carries it
 * @param cards the providers' cards, by provider id
 */
record ListState(
    Category category, String city, long version, SortedMap<String, ProviderCard> cards) {

  /** Best rated first, then most reviewed, then by provider id, so that pages are stable. */
  static final Comparator<ProviderCard> ORDER =
      Comparator.<ProviderCard>comparingDouble(card -> card.rating().average())
          .thenComparingInt(card -> card.rating().count())
          .reversed()
          .thenComparing(ProviderCard::providerId);

  /** Returns the state of a list that holds no one yet. */
  static ListState empty(DirectoryEntry entry) {
    return new ListState(entry.category(), entry.city(), 0, new TreeMap<>());
  }

  /** Returns the state after the entry, or empty when the entry changes nothing. */
  Optional<ListState> with(DirectoryEntry entry) {
    SortedMap<String, ProviderCard> next = new TreeMap<>(cards);
    if (entry.card() == null) {
      next.remove(entry.providerId());
    } else {
      next.put(entry.providerId(), entry.card());
    }

    if (next.equals(cards)) {
      return Optional.empty();
    }
    return Optional.of(new ListState(category, displayCity(next.values()), version + 1, next));
  }

  /** Returns the list as the edge serves it. */
  ProviderList document() {
    return new ProviderList(category, city, cards.values().stream().sorted(ORDER).toList());
  }

  /** Returns how many providers the list holds. */
  ListSize size(String listKey) {
    return new ListSize(listKey, category, city, cards.size());
  }

  private String displayCity(Collection<ProviderCard> members) {
    Map<String, Long> spellings =
        members.stream()
            .collect(
                Collectors.groupingBy(ProviderCard::city, TreeMap::new, Collectors.counting()));
    // max keeps the first of equal counts, and the map iterates in text order.
    return spellings.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(city);
  }
}
