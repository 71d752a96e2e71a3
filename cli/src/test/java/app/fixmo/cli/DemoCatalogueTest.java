package app.fixmo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.cli.DemoCatalogue.Person;
import app.fixmo.cli.DemoCatalogue.Provider;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands.CreateListing;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

  private static final List<String> CITIES = List.of("Manila", "Cebu", "Davao");

  @Test
  void everyCategoryHasProvidersInEveryDemoCity() {
    for (Category category : Category.values()) {
      for (String city : CITIES) {
        assertThat(DemoCatalogue.PROVIDERS)
            .as("%s in %s", category, city)
            .anyMatch(p -> p.categories().contains(category) && p.account().city().equals(city));
      }
    }
  }

  @Test
  void everyProviderOffersOneToThreeListingsInItsOwnCategories() {
    IntStream.range(0, DemoCatalogue.PROVIDERS.size())
        .forEach(
            place -> {
              Provider provider = DemoCatalogue.PROVIDERS.get(place);
              List<CreateListing> listings = DemoOffers.of(provider, place);

              assertThat(listings).as(provider.email()).hasSizeBetween(1, 3);
              assertThat(listings)
                  .extracting(CreateListing::category)
                  .containsAll(provider.categories())
                  .allMatch(provider.categories()::contains);
              assertThat(listings)
                  .allSatisfy(
                      listing -> {
                        assertThat(listing.durationMinutes()).isBetween(60, 180);
                        assertThat(listing.priceFrom()).isPositive();
                      });
            });
  }

  @Test
  void theAccountsTheReadmeNamesAreThereWithTheirRoles() {
    List<String> customers = DemoCatalogue.CUSTOMERS.stream().map(Person::email).toList();
    List<String> providers = DemoCatalogue.PROVIDERS.stream().map(Provider::email).toList();

    assertThat(customers).contains("ana@fixmo.test");
    assertThat(providers).contains("ben@fixmo.test", "carla@fixmo.test");
    assertThat(customers).doesNotContainAnyElementsOf(providers);
  }
}
