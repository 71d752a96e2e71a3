package app.fixmo.processors.directory;

import static app.fixmo.processors.directory.ProviderEventsFixtures.summary;
import static app.fixmo.processors.directory.ProviderEventsFixtures.summaryChanged;
import static app.fixmo.schemas.providers.Category.PLUMBING;
import static app.fixmo.schemas.providers.Category.TILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.CategoryCount;
import app.fixmo.schemas.providers.ProviderViews.CategoryCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryCountsTopologyTest {

  @TempDir Path stateDir;

  private ProviderEventsDriver driver;

  @BeforeEach
  void startDriver() {
    driver = new ProviderEventsDriver(stateDir);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void countsCoverEveryCategoryInOrderWithProvidersPerCity() {
    driver.send(summaryChanged(summary("ann", "Manila", 4.5, 10, PLUMBING), null));
    driver.send(summaryChanged(summary("bob", "Manila", 4.0, 2, PLUMBING, TILING), null));
    driver.send(summaryChanged(summary("cat", "Cebu", 5.0, 1, PLUMBING), null));

    CategoryCounts counts = latestCounts();

    assertThat(counts.items())
        .extracting(CategoryCount::category)
        .containsExactly(Category.values());
    assertThat(count(counts, PLUMBING))
        .isEqualTo(new CategoryCount(PLUMBING, 3, new TreeMap<>(Map.of("Cebu", 1, "Manila", 2))));
    assertThat(count(counts, TILING))
        .isEqualTo(new CategoryCount(TILING, 1, new TreeMap<>(Map.of("Manila", 1))));
    assertThat(count(counts, Category.ELECTRICAL))
        .isEqualTo(new CategoryCount(Category.ELECTRICAL, 0, new TreeMap<>()));
  }

  @Test
  void cityLeftByItsLastProviderIsNoLongerCounted() {
    ProviderSummary inManila = summary("ann", "Manila", 4.5, 10, PLUMBING);
    ProviderSummary inCebu = summary("ann", "Cebu", 4.5, 10, PLUMBING);
    driver.send(summaryChanged(inManila, null));

    driver.send(summaryChanged(inCebu, inManila));

    assertThat(count(latestCounts(), PLUMBING))
        .isEqualTo(new CategoryCount(PLUMBING, 1, new TreeMap<>(Map.of("Cebu", 1))));
  }

  @Test
  void countsGetANewVersionOnlyWhenACountChanges() {
    driver.send(summaryChanged(summary("ann", "Manila", 4.5, 10, PLUMBING), null));
    driver.send(summaryChanged(summary("ann", "Manila", 4.9, 11, PLUMBING), null));
    driver.send(summaryChanged(summary("bob", "Cebu", 4.0, 2, TILING), null));

    assertThat(driver.views(ProviderViews.CATEGORIES))
        .extracting(ViewDocument::id, ViewDocument::version)
        .containsExactly(tuple("all", 1L), tuple("all", 2L));
  }

  private CategoryCounts latestCounts() {
    List<ViewDocument> views = driver.views(ProviderViews.CATEGORIES);
    return Json.read(views.get(views.size() - 1).body(), CategoryCounts.class);
  }

  private static CategoryCount count(CategoryCounts counts, Category category) {
    return counts.items().stream().filter(c -> c.category() == category).findFirst().orElseThrow();
  }
}
