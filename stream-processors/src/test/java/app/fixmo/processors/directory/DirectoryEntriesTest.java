package app.fixmo.processors.directory;

import static app.fixmo.processors.directory.ProviderEventsFixtures.summary;
import static app.fixmo.schemas.providers.Category.PLUMBING;
import static app.fixmo.schemas.providers.Category.TILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import org.junit.jupiter.api.Test;

class DirectoryEntriesTest {

  @Test
  void droppedCategoryIsRemovedAndKeptOnesGetTheNewCard() {
    var before = summary("ann", "Manila", 4.5, 10, PLUMBING, TILING);
    var after = summary("ann", "Manila", 4.6, 11, TILING);

    var entries = DirectoryEntries.of(new SummaryChanged(after, before));

    assertThat(entries)
        .extracting(DirectoryEntry::listKey, entry -> entry.card() == null)
        .containsExactly(tuple("plumbing|manila", true), tuple("tiling|manila", false));
  }

  @Test
  void providerWithoutCurrentSummaryIsRemovedFromEveryList() {
    var before = summary("ann", "Manila", 4.5, 10, PLUMBING, TILING);

    var entries = DirectoryEntries.of(new SummaryChanged(null, before));

    assertThat(entries)
        .extracting(DirectoryEntry::listKey, DirectoryEntry::providerId, DirectoryEntry::card)
        .containsExactly(
            tuple("plumbing|manila", "ann", null), tuple("tiling|manila", "ann", null));
  }
}
