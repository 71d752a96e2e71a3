package app.fixmo.system;

import static app.fixmo.system.Marketplace.eventually;
import static app.fixmo.system.Marketplace.expect;
import static app.fixmo.system.Marketplace.item;
import static app.fixmo.system.Marketplace.openSlots;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.providers.Category;
import app.fixmo.system.Marketplace.Client;
import app.fixmo.system.Marketplace.Provider;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, step by step: a customer finds a plumber in a city, reads the page,
 * books an open slot, the plumber starts and completes the job, and the customer reviews it. After
 * every step the page, the list and both parties' bookings tell the same story.
 */
@WithKafkaAndRedis
class WalkThroughIT {

  private static final String CITY = "Cebu City";

  private static FixmoSystem system;
  private static Marketplace market;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, redis.url(), namespace, Map.of());
    market = new Marketplace(system.api());
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  @Test
  void aCustomerFindsAPlumberBooksAndReviewsAndEveryViewAgreesAfterEachStep() {
    Provider plumber = market.provider("Pedro", CITY, Category.PLUMBING, "Asia/Manila");
    market.provider("Elena", CITY, Category.ELECTRICAL, "Asia/Manila");
    market.provider("Paolo", "Davao", Category.PLUMBING, "Asia/Manila");
    Client customer = market.customer("Carmen");
    Walk walk = new Walk(market.visitor(), customer, plumber);

    String found = walk.findAPlumber();
    assertThat(found).isEqualTo(plumber.id());
    walk.assertViewsAgree(null, null);

    Instant slot = walk.firstSlotFromTomorrow();
    String bookingId = walk.book(slot);
    walk.assertViewsAgree(bookingId, "confirmed");
    assertThat(walk.readBooking(bookingId).get("start").asText()).isEqualTo(slot.toString());

    walk.move(bookingId, "start");
    walk.assertViewsAgree(bookingId, "started");

    walk.move(bookingId, "complete");
    walk.assertViewsAgree(bookingId, "completed");

    walk.review(bookingId, 4, "Fixed the leak in an hour.");
    walk.assertViewsAgree(bookingId, "completed");
    assertThat(walk.card().get("rating").get("count").asInt()).isEqualTo(1);
    assertThat(walk.card().get("rating").get("average").asDouble()).isEqualTo(4.0);
  }

  /** One customer's walk through the marketplace, and what each view shows along the way. */
  private record Walk(Client visitor, Client customer, Provider plumber) {

    String findAPlumber() {
      String lowerCaseCity = Marketplace.listPath(Category.PLUMBING, "cebu city");
      eventually()
          .untilAsserted(
              () ->
                  assertThat(visitor.get(lowerCaseCity).json().get("total").asInt()).isEqualTo(1));
      JsonNode list = visitor.get(lowerCaseCity).json();
      assertThat(list.get("page").asInt()).isEqualTo(1);
      return list.get("items").get(0).get("providerId").asText();
    }

    Instant firstSlotFromTomorrow() {
      Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
      return openSlots(page()).stream().filter(tomorrow::isBefore).findFirst().orElseThrow();
    }

    String book(Instant slot) {
      var request = Marketplace.bookingOf(plumber, slot);
      request.put("listingId", page().get("listings").get(0).get("listingId").asText());
      var booking = customer.post("/api/bookings", request);
      expect(booking, 201);
      JsonNode created = booking.json();
      assertThat(readBooking(created.get("bookingId").asText())).isEqualTo(created);
      return created.get("bookingId").asText();
    }

    JsonNode readBooking(String bookingId) {
      var booking = customer.get("/api/bookings/" + bookingId);
      expect(booking, 200);
      return booking.json();
    }

    void move(String bookingId, String move) {
      expect(Marketplace.move(plumber.client(), bookingId, move), 200);
    }

    void review(String bookingId, int rating, String comment) {
      expect(Marketplace.review(customer, bookingId, rating, comment), 201);
      JsonNode review = page().get("reviews").get(0);
      assertThat(review.get("rating").asInt()).isEqualTo(rating);
      assertThat(review.get("comment").asText()).isEqualTo(comment);
    }

    JsonNode page() {
      var page = visitor.get("/api/providers/" + plumber.id());
      expect(page, 200);
      return page.json();
    }

    JsonNode card() {
      var list = visitor.get(Marketplace.listPath(Category.PLUMBING, CITY));
      expect(list, 200);
      JsonNode card = item(list.json(), "providerId", plumber.id());
      assertThat(card).as(list.toString()).isNotNull();
      return card;
    }

    /**
     * Asserts, once the asynchronous views caught up, that the page, the card and both parties'
     * bookings agree; with a null booking id, that neither party has a booking yet.
     */
    void assertViewsAgree(String bookingId, String status) {
      eventually()
          .untilAsserted(
              () -> {
                JsonNode page = page();
                assertCardAgreesWith(page, card());
                assertBookingsAgree(page, bookingId, status);
              });
    }

    private void assertCardAgreesWith(JsonNode page, JsonNode card) {
      assertThat(card.get("displayName")).isEqualTo(page.get("displayName"));
      assertThat(card.get("city")).isEqualTo(page.get("city"));
      assertThat(card.get("categories")).isEqualTo(page.get("categories"));
      assertThat(card.get("priceFrom").asLong())
          .isEqualTo(page.get("listings").get(0).get("priceFrom").asLong());
      JsonNode rating = page.get("rating");
      assertThat(card.get("rating").get("average").asDouble())
          .isEqualTo(rating.get("average").asDouble());
      assertThat(card.get("rating").get("count").asInt()).isEqualTo(rating.get("count").asInt());
      assertThat(page.get("reviews").size()).isEqualTo(rating.get("count").asInt());
    }

    private void assertBookingsAgree(JsonNode page, String bookingId, String status) {
      JsonNode ofCustomer = myBookings(customer);
      JsonNode ofPlumber = myBookings(plumber.client());
      if (bookingId == null) {
        assertThat(ofCustomer.get("total").asInt()).isZero();
        assertThat(ofPlumber.get("total").asInt()).isZero();
        return;
      }
      JsonNode booking = readBooking(bookingId);
      assertThat(booking.get("status").asText()).isEqualTo(status);
      assertThat(item(ofCustomer, "bookingId", bookingId)).isEqualTo(booking);
      assertThat(item(ofPlumber, "bookingId", bookingId)).isEqualTo(booking);
      assertThat(openSlots(page)).doesNotContain(Instant.parse(booking.get("start").asText()));
    }

    private static JsonNode myBookings(Client client) {
      var bookings = client.get("/api/me/bookings");
      expect(bookings, 200);
      return bookings.json();
    }
  }
}
