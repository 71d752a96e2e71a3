package app.fixmo.processors.directory;

import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.DirectoryRecords.ListSize;
import app.fixmo.schemas.providers.ProviderViews.CategoryCount;
import app.fixmo.schemas.providers.ProviderViews.CategoryCounts;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the directory keeps to count providers per category: the size of every list that is not
 * empty. One record, under {@link app.fixmo.schemas.providers.ProviderViews#ALL}.
 *
 * <p>Stored as strict JSON in the state store and its changelog. A component added later reads as
 * null from older records; keep old components until the changelog has been rewritten.
 *
 * @param version counts the changes of the counts, from 1; the categories document carries it
 * @param lists the size of every non-empty list, by list key
 */
record CategoryCountsState(long version, SortedMap<String, ListSize> lists) {

  /** Returns the state before any list has a provider. */
  static CategoryCountsState empty() {
    return new CategoryCountsState(0, new TreeMap<>());
  }

  /** Returns the state after a list's new size, or empty when the counts stay as they were. */
  Optional<CategoryCountsState> with(ListSize size) {
    SortedMap<String, ListSize> next = new TreeMap<>(lists);
    if (size.size() == 0) {
      next.remove(size.listKey());
    } else {
      next.put(size.listKey(), size);
    }

    if (next.equals(lists)) {
      return Optional.empty();
    }
    return Optional.of(new CategoryCountsState(version + 1, next));
  }

  /** Returns the counts as the edge serves them: every category, in declaration order. */
  CategoryCounts document() {
    return new CategoryCounts(Arrays.stream(Category.values()).map(this::count).toList());
  }

  private CategoryCount count(Category category) {
    SortedMap<String, Integer> cities = new TreeMap<>();
    for (ListSize list : lists.values()) {
      if (list.category() == category) {
        cities.merge(list.city(), list.size(), Integer::sum);
      }
    }

    // A provider is in one city, so the cities' counts add up without counting anyone twice.
    int providers = cities.values().stream().mapToInt(Integer::intValue).sum();
    return new CategoryCount(category, providers, cities);
  }
}
