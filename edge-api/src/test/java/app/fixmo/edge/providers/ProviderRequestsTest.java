package app.fixmo.edge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.providers.Category;
import org.junit.jupiter.api.Test;

class ProviderRequestsTest {

  @Test
  void aListingWithoutPriceIsRefusedRatherThanFree() {
    String body = "{\"category\":\"plumbing\",\"title\":\"Leaks\",\"durationMinutes\":60}";

    assertThatThrownBy(() -> Json.read(body, ProviderRequests.Listing.class))
        .isInstanceOfSatisfying(
            SchemaViolation.class,
            e -> {
              assertThat(e.field()).isEqualTo("priceFrom");
              assertThat(e.getMessage()).isEqualTo("is required");
            });
  }

  @Test
  void aChangedListingTakesItsIdFromThePath() {
    String body =
        "{\"category\":\"tiling\",\"title\":\"Floors\",\"priceFrom\":150000,"
            + "\"durationMinutes\":120}";

    var change = Json.read(body, ProviderRequests.Listing.class).change("listing-7");

    assertThat(change.listingId()).isEqualTo("listing-7");
    assertThat(change.category()).isEqualTo(Category.TILING);
    assertThat(change.priceFrom()).isEqualTo(150_000);
  }
}
