package app.fixmo.processors.directory;

import static app.fixmo.processors.directory.ProviderEventsFixtures.AT;
import static app.fixmo.processors.directory.ProviderEventsFixtures.TRACEPARENT;
import static app.fixmo.processors.directory.ProviderEventsFixtures.event;
import static app.fixmo.processors.directory.ProviderEventsFixtures.summary;
import static app.fixmo.processors.directory.ProviderEventsFixtures.summaryChanged;
import static app.fixmo.schemas.providers.Category.PLUMBING;
import static app.fixmo.schemas.providers.Category.TILING;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import app.fixmo.schemas.providers.ProviderViews.ProviderCard;
import app.fixmo.schemas.providers.ProviderViews.ProviderList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTopologyTest {

  private static final String PLUMBING_MANILA = "plumbing|manila";
  private static final String TILING_MANILA = "tiling|manila";

  @TempDir Path stateDir;

  private ProviderEventsDriver driver;

  @BeforeEach
  void startDriver() {
    driver = new ProviderEventsDriver(stateDir.resolve("main"));
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void providerListedUnderTwoCategoriesAppearsInBothLists() {
    ProviderSummary ann = summary("ann", "Manila", 4.5, 10, PLUMBING, TILING);

    driver.send(summaryChanged(ann, null));

    Map<String, ProviderList> lists = latestLists();
    assertThat(lists).containsOnlyKeys(PLUMBING_MANILA, TILING_MANILA);
    assertThat(lists.get(PLUMBING_MANILA).items())
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.providerId()).isEqualTo("ann");
              assertThat(card.categories()).containsExactly(PLUMBING, TILING);
              assertThat(card.rating()).isEqualTo(new CardRating(4.5, 10));
            });
    assertThat(lists.get(TILING_MANILA).items())
        .extracting(ProviderCard::providerId)
        .containsExactly("ann");
  }

  @Test
  void changingCityMovesProviderFromTheOldCityListsToTheNewOnes() {
    ProviderSummary inManila = summary("ann", "Manila", 4.5, 10, PLUMBING, TILING);
    ProviderSummary inCebu = summary("ann", "Cebu", 4.5, 10, PLUMBING, TILING);
    driver.send(summaryChanged(inManila, null));
    driver.views();

    driver.send(summaryChanged(inCebu, inManila));

    Map<String, ProviderList> lists = latestLists();
    assertThat(lists)
        .containsOnlyKeys(PLUMBING_MANILA, TILING_MANILA, "plumbing|cebu", "tiling|cebu");
    assertThat(lists.get(PLUMBING_MANILA).items()).isEmpty();
    assertThat(lists.get(TILING_MANILA).items()).isEmpty();
    assertThat(lists.get("plumbing|cebu").items())
        .extracting(ProviderCard::providerId)
        .containsExactly("ann");
    assertThat(lists.get("plumbing|cebu").city()).isEqualTo("Cebu");
  }

  @Test
  void emptiedListIsStillADocumentNotARemoval() {
    ProviderSummary plumber = summary("ann", "Manila", 4.5, 10, PLUMBING);
    ProviderSummary tiler = summary("ann", "Manila", 4.5, 10, TILING);
    driver.send(summaryChanged(plumber, null));
    driver.views();

    driver.send(summaryChanged(tiler, plumber));

    List<ViewDocument> emptied =
        driver.views(ProviderViews.PROVIDER_LIST).stream()
            .filter(view -> view.id().equals(PLUMBING_MANILA))
            .toList();
    assertThat(emptied)
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.isRemoval()).isFalse();
              assertThat(Json.toText(view.body()))
                  .isEqualTo("{\"category\":\"plumbing\",\"city\":\"Manila\",\"items\":[]}");
            });
  }

  @Test
  void cityWrittenAnotherWayKeepsProviderInItsLists() {
    ProviderSummary before = summary("ann", "Quezon City", 4.5, 10, PLUMBING);
    ProviderSummary after = summary("ann", "  quezon   CITY ", 4.5, 10, PLUMBING);
    driver.send(summaryChanged(before, null));
    driver.views();

    driver.send(summaryChanged(after, before));

    assertThat(driver.views(ProviderViews.PROVIDER_LIST))
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.id()).isEqualTo("plumbing|quezon city");
              assertThat(list(view).items()).extracting(ProviderCard::providerId).contains("ann");
            });
  }

  @Test
  void listShowsBestRatedFirstThenMostReviewedThenByProviderId() {
    driver.send(summaryChanged(summary("dan", "Manila", 4.5, 7, PLUMBING), null));
    driver.send(summaryChanged(summary("eve", "Manila", 0, 0, PLUMBING), null));
    driver.send(summaryChanged(summary("bob", "Manila", 4.5, 20, PLUMBING), null));
    driver.send(summaryChanged(summary("cat", "Manila", 4.8, 3, PLUMBING), null));
    driver.send(summaryChanged(summary("amy", "Manila", 4.5, 20, PLUMBING), null));

    assertThat(latestLists().get(PLUMBING_MANILA).items())
        .extracting(ProviderCard::providerId)
        .containsExactly("cat", "amy", "bob", "dan", "eve");
  }

  @Test
  void categoryWithoutAnActiveListingShowsTheCardWithoutPrice() {
    ProviderSummary ann =
        new ProviderSummary(
            "ann",
            "Ann Reyes",
            "Manila",
            List.of(PLUMBING, TILING),
            new CardRating(4.5, 10),
            new TreeMap<>(Map.of("plumbing", 1500L)));

    driver.send(summaryChanged(ann, null));

    Map<String, ViewDocument> documents = latest(driver.views(ProviderViews.PROVIDER_LIST));
    assertThat(list(documents.get(PLUMBING_MANILA)).items())
        .extracting(ProviderCard::priceFrom)
        .containsExactly(1500L);
    assertThat(list(documents.get(TILING_MANILA)).items())
        .extracting(ProviderCard::priceFrom)
        .containsExactly((Long) null);
    assertThat(documents.get(TILING_MANILA).body().get("items").get(0).has("priceFrom")).isFalse();
  }

  @Test
  void everyChangeOfAListRaisesItsVersionByOne() {
    driver.send(summaryChanged(summary("ann", "Manila", 4.0, 1, PLUMBING), null));
    driver.send(summaryChanged(summary("bob", "Manila", 3.0, 1, PLUMBING), null));
    driver.send(summaryChanged(summary("ann", "Manila", 4.5, 2, PLUMBING), null));

    assertThat(driver.views(ProviderViews.PROVIDER_LIST))
        .extracting(ViewDocument::version)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void summaryThatLeavesTheCardAsItWasWritesNoNewVersion() {
    ProviderSummary ann = summary("ann", "Manila", 4.5, 10, PLUMBING);
    driver.send(summaryChanged(ann, null));
    driver.views();

    driver.send(summaryChanged(ann, ann));

    assertThat(driver.views()).isEmpty();
  }

  @Test
  void listDocumentCarriesTheRequestAndTimeOfTheEvent() {
    Event event = summaryChanged(summary("ann", "Manila", 4.5, 10, PLUMBING), null);

    driver.send(event);

    TestRecord<String, ViewDocument> record =
        driver.views().stream()
            .filter(view -> view.value().view().equals(ProviderViews.PROVIDER_LIST))
            .findFirst()
            .orElseThrow();
    assertThat(record.key()).isEqualTo("provider-list/plumbing|manila");
    assertThat(record.value().requestId()).isEqualTo(event.requestId());
    assertThat(record.value().at()).isEqualTo(AT);
    assertThat(KafkaHeaders.read(record.headers(), KafkaHeaders.TYPE))
        .isEqualTo("view.provider-list");
    assertThat(KafkaHeaders.read(record.headers(), KafkaHeaders.TRACEPARENT))
        .isEqualTo(TRACEPARENT);
  }

  @Test
  void sameProvidersArrivingInAnotherOrderGiveByteIdenticalLists() {
    ProviderSummary ann = summary("ann", "Manila", 4.5, 10, PLUMBING);
    ProviderSummary bob = summary("bob", "Manila", 4.5, 10, PLUMBING);
    driver.send(summaryChanged(ann, null));
    driver.send(summaryChanged(bob, null));
    String annFirst =
        Json.toText(latest(driver.views(ProviderViews.PROVIDER_LIST)).get(PLUMBING_MANILA).body());

    try (ProviderEventsDriver other = new ProviderEventsDriver(stateDir.resolve("other"))) {
      other.send(summaryChanged(bob, null));
      other.send(summaryChanged(ann, null));

      ViewDocument bobFirst = latest(other.views(ProviderViews.PROVIDER_LIST)).get(PLUMBING_MANILA);
      assertThat(Json.toText(bobFirst.body())).isEqualTo(annFirst);
    }
  }

  @Test
  void eventOfAnotherTypeWritesNothing() {
    var payload = Json.mapper().createObjectNode().put("providerId", "ann");

    driver.send(event(ProviderEvents.PROFILE_SET, "ann", payload));

    assertThat(driver.views()).isEmpty();
  }

  @Test
  void unreadablePayloadIsSkippedAndTheNextSummaryIsStillListed() {
    var wrongShape = Json.mapper().createObjectNode().put("current", "ann");
    JsonNode noCity = summaryChanged(summary("ann", "Manila", 4.5, 10, PLUMBING), null).payload();
    ((ObjectNode) noCity.get("current")).remove("city");

    driver.send(event(ProviderEvents.SUMMARY_CHANGED, "ann", wrongShape));
    driver.send(event(ProviderEvents.SUMMARY_CHANGED, "ann", noCity));
    driver.send(summaryChanged(summary("bob", "Manila", 4.5, 10, PLUMBING), null));

    assertThat(driver.views(ProviderViews.PROVIDER_LIST))
        .singleElement()
        .satisfies(
            view ->
                assertThat(list(view).items())
                    .extracting(ProviderCard::providerId)
                    .containsExactly("bob"));
  }

  private Map<String, ProviderList> latestLists() {
    Map<String, ProviderList> lists = new TreeMap<>();
    latest(driver.views(ProviderViews.PROVIDER_LIST))
        .forEach((id, view) -> lists.put(id, list(view)));
    return lists;
  }

  /** Returns the last document of each id, as the projector would keep it. */
  private static Map<String, ViewDocument> latest(List<ViewDocument> views) {
    Map<String, ViewDocument> latest = new LinkedHashMap<>();
    views.forEach(view -> latest.put(view.id(), view));
    return latest;
  }

  private static ProviderList list(ViewDocument view) {
    return Json.read(view.body(), ProviderList.class);
  }
}
