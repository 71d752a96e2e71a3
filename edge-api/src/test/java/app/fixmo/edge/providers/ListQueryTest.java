package app.fixmo.edge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.providers.Category;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  @Test
  void categoryAndCityAreReadWithDefaultPaging() {
    ListQuery query = ListQuery.of("appliance-repair", "  Quezon City ", null, null);

    assertThat(query.category()).isEqualTo(Category.APPLIANCE_REPAIR);
    assertThat(query.city()).isEqualTo("Quezon City");
    assertThat(query.paging()).isEqualTo(new Paging(1, 20));
  }

  @Test
  void missingCategoryIsRefusedNamingCategory() {
    assertRefused(() -> ListQuery.of(null, "Manila", null, null), "category", "is required");
  }

  @Test
  void unknownCategoryIsRefusedWithTheKnownNames() {
    assertRefused(
        () -> ListQuery.of("Plumbing", "Manila", null, null),
        "category",
        "must be one of plumbing, electrical, aircon, carpentry, masonry, painting, welding,"
            + " tiling, appliance-repair");
  }

  @Test
  void blankCityIsRefusedNamingCity() {
    assertRefused(() -> ListQuery.of("plumbing", "  ", null, null), "city", "is required");
  }

  @Test
  void overlongCityIsRefusedNamingCity() {
    assertRefused(
        () -> ListQuery.of("plumbing", "x".repeat(101), null, null),
        "city",
        "must be at most 100 characters");
  }

  @Test
  void badPageSizeIsRefusedAfterAGoodCategoryAndCity() {
    assertRefused(
        () -> ListQuery.of("plumbing", "Manila", "1", "100"),
        "pageSize",
        "must be a whole number from 1 to 50");
  }

  private static void assertRefused(Runnable read, String field, String message) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(422);
              assertThat(e.problem().errors()).hasSize(1);
              assertThat(e.problem().errors().getFirst().field()).isEqualTo(field);
              assertThat(e.problem().errors().getFirst().message()).isEqualTo(message);
            });
  }
}
