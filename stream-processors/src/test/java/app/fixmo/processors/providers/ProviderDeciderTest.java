package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.actor;
import static app.fixmo.processors.providers.ProviderFixtures.changeListing;
import static app.fixmo.processors.providers.ProviderFixtures.command;
import static app.fixmo.processors.providers.ProviderFixtures.createListing;
import static app.fixmo.processors.providers.ProviderFixtures.profile;
import static app.fixmo.processors.providers.ProviderFixtures.withdrawListing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderCommands.SetProfile;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import app.fixmo.schemas.providers.ProviderViews.ProviderPage;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProviderDeciderTest {

  private final ProviderHarness provider = new ProviderHarness();

  @Test
  void firstProfileOpensTheProviderWith200AndItsPage() {
    Decision<ProviderState> decision = provider.send(profile(Category.PLUMBING));

    Outcome outcome = decision.outcome();
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.resource()).isEqualTo(Json.toTree(Map.of("providerId", PROVIDER)));
    assertThat(outcome.views())
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.key()).isEqualTo("provider-page/" + PROVIDER);
              assertThat(view.version()).isEqualTo(2);
              assertThat(view.requestId()).isEqualTo(outcome.requestId());
              ProviderPage page = Json.read(view.body(), ProviderPage.class);
              assertThat(page.displayName()).isEqualTo("Juan's Plumbing");
              assertThat(page.openSlots()).isEmpty();
              assertThat(page.timeZone()).isNull();
            });
    assertThat(decision.jobs()).isEmpty();
  }

  @Test
  void firstProfileIsSetAndListedWithoutPreviousSummary() {
    List<Event> events = provider.send(profile(Category.PLUMBING)).events();

    assertThat(events)
        .extracting(Event::type, Event::version, Event::key)
        .containsExactly(
            tuple(ProviderEvents.PROFILE_SET, 1L, PROVIDER),
            tuple(ProviderEvents.SUMMARY_CHANGED, 2L, PROVIDER));
    SummaryChanged summary = events.get(1).payloadAs(SummaryChanged.class);
    assertThat(summary.previous()).isNull();
    assertThat(summary.current())
        .isEqualTo(
            new ProviderSummary(
                PROVIDER,
                "Juan's Plumbing",
                "Quezon City",
                List.of(Category.PLUMBING),
                new CardRating(0, 0),
                new TreeMap<>()));
  }

  @Test
  void profileOfAnotherAccountIsForbidden() {
    Command command =
        command(
            ProviderCommands.SET_PROFILE,
            actor(CUSTOMER),
            new SetProfile("Not Juan", null, "Manila", List.of(Category.PLUMBING)));

    Outcome outcome = provider.send(command).outcome();

    assertThat(outcome.problem().status()).isEqualTo(403);
    assertThat(outcome.problem().type()).endsWith("/forbidden");
  }

  @Test
  void commandForProviderWithoutProfileIsNotFound() {
    Outcome outcome = provider.send(createListing(Category.PLUMBING, 1500, 60)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(404);
    assertThat(outcome.problem().type()).endsWith("/provider-not-found");
  }

  @Test
  void bookingForProviderWithoutProfileIsNotFound() {
    Outcome outcome =
        provider.send(ProviderFixtures.book("some-listing", ProviderFixtures.MONDAY_8)).outcome();

    assertThat(outcome.problem().type()).endsWith("/provider-not-found");
  }

  @Test
  void unknownCommandTypeIsRejectedNamingType() {
    provider.accept(profile(Category.PLUMBING));

    Outcome outcome =
        provider.send(command("provider.rename", actor(PROVIDER), Map.of())).outcome();

    assertThat(outcome.problem().status()).isEqualTo(422);
    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("type");
  }

  @Test
  void invalidPayloadIsRejectedNamingTheField() {
    provider.accept(profile(Category.PLUMBING));
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("category", "plumbing").put("title", "Leak").put("priceFrom", 100);
    payload.put("durationMinutes", 3);

    Outcome outcome =
        provider.send(command(ProviderCommands.CREATE_LISTING, actor(PROVIDER), payload)).outcome();

    assertThat(outcome.problem())
        .isEqualTo(Problem.invalidField("durationMinutes", "must be between 5 and 720"));
  }

  @Test
  void listingIsCreatedUnderTheCommandsIdWith201() {
    provider.accept(profile(Category.PLUMBING));
    Command create = createListing(Category.PLUMBING, 1500, 60);

    Decision<ProviderState> decision = provider.send(create);

    String listingId = create.id().toString();
    assertThat(decision.outcome().status()).isEqualTo(201);
    assertThat(decision.outcome().resource())
        .isEqualTo(Json.toTree(Map.of("listingId", listingId)));
    assertThat(decision.events())
        .extracting(Event::type)
        .containsExactly(ProviderEvents.LISTING_CREATED, ProviderEvents.SUMMARY_CHANGED);
    assertThat(provider.page().listings())
        .extracting(ProviderViews.Listing::listingId)
        .containsExactly(listingId);
  }

  @Test
  void listingCreatedTwiceWithTheSameCommandIsAnsweredAlikeAndMadeOnce() {
    provider.accept(profile(Category.PLUMBING));
    Command create = createListing(Category.PLUMBING, 1500, 60);
    provider.accept(create);
    ProviderState before = provider.state();

    Decision<ProviderState> again = provider.send(create);

    assertThat(again.outcome().status()).isEqualTo(201);
    assertThat(again.outcome().resource())
        .isEqualTo(Json.toTree(Map.of("listingId", create.id().toString())));
    assertThat(again.events()).isEmpty();
    assertThat(again.newState()).isEmpty();
    assertThat(ProviderHarness.pageIn(again.outcome()))
        .hasValueSatisfying(page -> assertThat(page.version()).isEqualTo(before.pageVersion()));
  }

  @Test
  void listingOutsideTheProfilesCategoriesIsRejectedNamingCategory() {
    provider.accept(profile(Category.PLUMBING));

    Outcome outcome = provider.send(createListing(Category.WELDING, 1500, 60)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(422);
    assertThat(outcome.problem().errors().get(0).field()).isEqualTo("category");
    assertThat(outcome.problem().detail()).contains("plumbing").contains("welding");
  }

  @Test
  void listingOfAnotherAccountIsForbidden() {
    provider.accept(profile(Category.PLUMBING));
    Command command =
        command(
            ProviderCommands.CREATE_LISTING,
            actor(CUSTOMER),
            createListing(Category.PLUMBING, 1, 60).payload());

    assertThat(provider.send(command).outcome().status()).isEqualTo(403);
  }

  @Test
  void removingCategoryThatStillHasActiveListingsIsAConflict() {
    provider.accept(profile(Category.PLUMBING, Category.TILING));
    provider.listing(60);

    Outcome outcome = provider.send(profile(Category.TILING)).outcome();

    assertThat(outcome.problem().status()).isEqualTo(409);
    assertThat(outcome.problem().type()).endsWith("/category-in-use");
  }

  @Test
  void removingCategoryWhoseListingsWereWithdrawnIsAllowed() {
    provider.accept(profile(Category.PLUMBING, Category.TILING));
    provider.accept(withdrawListing(provider.listing(60)));

    Outcome outcome = provider.send(profile(Category.TILING)).outcome();

    assertThat(outcome.status()).isEqualTo(200);
  }

  @Test
  void changedListingReplacesWhatItOffers() {
    provider.accept(profile(Category.PLUMBING));
    String listingId = provider.listing(60);

    Outcome outcome = provider.accept(changeListing(listingId, "Pipe repair", 2000));

    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.resource()).isEqualTo(Json.toTree(Map.of("listingId", listingId)));
    assertThat(provider.page().listings())
        .extracting(ProviderViews.Listing::title, ProviderViews.Listing::priceFrom)
        .containsExactly(tuple("Pipe repair", 2000L));
  }

  @Test
  void changeOfUnknownOrWithdrawnListingIsNotFound() {
    provider.accept(profile(Category.PLUMBING));
    String listingId = provider.listing(60);
    provider.accept(withdrawListing(listingId));

    Outcome withdrawn = provider.send(changeListing(listingId, "Pipe repair", 2000)).outcome();
    Outcome unknown = provider.send(changeListing("no-such-listing", "Pipe", 2000)).outcome();

    assertThat(withdrawn.problem().type()).endsWith("/listing-not-found");
    assertThat(unknown.problem().status()).isEqualTo(404);
    assertThat(provider.send(withdrawListing(listingId)).outcome().status()).isEqualTo(404);
  }

  @Test
  void withdrawalAnswers204WithoutResourceAndTakesTheListingOffThePage() {
    provider.accept(profile(Category.PLUMBING));
    String listingId = provider.listing(60);

    Decision<ProviderState> decision = provider.send(withdrawListing(listingId));

    assertThat(decision.outcome().status()).isEqualTo(204);
    assertThat(decision.outcome().resource()).isEqualTo(NullNode.getInstance());
    assertThat(decision.events())
        .extracting(Event::type)
        .containsExactly(ProviderEvents.LISTING_WITHDRAWN, ProviderEvents.SUMMARY_CHANGED);
    assertThat(provider.page().listings()).isEmpty();
  }

  @Test
  void summaryChangesCarryTheSummaryBeforeAndTheLowestPricePerCategory() {
    provider.accept(profile(Category.PLUMBING));
    provider.listing(60);
    ProviderSummary before = provider.state().summary().orElseThrow();

    List<Event> events = provider.send(createListing(Category.PLUMBING, 900, 30)).events();

    SummaryChanged summary = events.get(1).payloadAs(SummaryChanged.class);
    assertThat(summary.previous()).isEqualTo(before);
    assertThat(summary.previous().priceFrom()).containsExactly(Map.entry("plumbing", 1500L));
    assertThat(summary.current().priceFrom()).containsExactly(Map.entry("plumbing", 900L));
  }

  @Test
  void changeThatListsDoNotShowRecordsNoSummaryChange() {
    provider.accept(profile(Category.PLUMBING));
    String listingId = provider.listing(60);

    List<Event> events = provider.send(changeListing(listingId, "Pipe repair", 1500)).events();

    assertThat(events).extracting(Event::type).containsExactly(ProviderEvents.LISTING_CHANGED);
  }

  @Test
  void availabilityIsSetWith200AndThePageShowsOpenSlotsInTheProvidersZone() {
    provider.accept(profile(Category.PLUMBING));

    Decision<ProviderState> decision = provider.send(ProviderFixtures.hours());

    assertThat(decision.outcome().status()).isEqualTo(200);
    assertThat(decision.events())
        .extracting(Event::type)
        .containsExactly(ProviderEvents.AVAILABILITY_SET);
    ProviderPage page = provider.page();
    assertThat(page.timeZone()).isEqualTo("Asia/Manila");
    assertThat(page.slotMinutes()).isEqualTo(60);
    assertThat(page.openSlots()).hasSize(8 * 10).startsWith(ProviderFixtures.MONDAY_8);
    assertThat(page.openSlots()).isSorted();
  }

  @Test
  void availabilityOfAnotherAccountIsForbidden() {
    provider.accept(profile(Category.PLUMBING));
    Command command =
        command(
            ProviderCommands.SET_AVAILABILITY,
            actor(CUSTOMER),
            ProviderFixtures.manilaWeekdays(60));

    assertThat(provider.send(command).outcome().status()).isEqualTo(403);
  }

  @Test
  void everyAcceptedChangeCountsOneVersionPerEvent() {
    provider.accept(profile(Category.PLUMBING));
    provider.accept(ProviderFixtures.hours());

    provider.listing(60);

    assertThat(provider.state().version()).isEqualTo(5);
    assertThat(provider.state().changedAt()).isEqualTo(NOW);
    assertThat(provider.state().pageVersion()).isEqualTo(5);
  }

  @Test
  void stateReadsBackFromJsonAsItWasWritten() {
    provider.open();
    provider.book(provider.state().activeListings().get(0).listingId(), ProviderFixtures.MONDAY_8);

    ProviderState read = Json.read(Json.toBytes(provider.state()), ProviderState.class);

    assertThat(read).isEqualTo(provider.state());
  }
}
