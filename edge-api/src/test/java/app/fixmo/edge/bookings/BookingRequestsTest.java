package app.fixmo.edge.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import org.junit.jupiter.api.Test;

class BookingRequestsTest {

  @Test
  void anEmptyObjectIsAMoveWithoutFields() {
    assertThat(Json.read("{}", BookingRequests.NoFields.class)).isNotNull();
  }

  @Test
  void aFieldInAMoveBodyIsUnknown() {
    assertThatThrownBy(() -> Json.read("{\"reason\":\"late\"}", BookingRequests.NoFields.class))
        .isInstanceOfSatisfying(
            SchemaViolation.class, e -> assertThat(e.field()).isEqualTo("reason"));
  }

  @Test
  void aReviewWithoutRatingIsRefusedNamingRating() {
    assertThatThrownBy(() -> Json.read("{\"comment\":\"fine\"}", BookingRequests.Review.class))
        .isInstanceOfSatisfying(
            SchemaViolation.class,
            e -> {
              assertThat(e.field()).isEqualTo("rating");
              assertThat(e.getMessage()).isEqualTo("is required");
            });
  }

  @Test
  void aBookingWithoutProviderIsRefusedNamingProviderId() {
    String body =
        "{\"listingId\":\"l1\",\"start\":\"2026-12-04T09:00:00Z\",\"address\":\"1 Rizal St\"}";

    assertThatThrownBy(() -> Json.read(body, BookingRequests.Book.class))
        .isInstanceOfSatisfying(
            SchemaViolation.class, e -> assertThat(e.field()).isEqualTo("providerId"));
  }
}
