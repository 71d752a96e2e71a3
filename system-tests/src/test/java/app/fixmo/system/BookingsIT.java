package app.fixmo.system;

import static app.fixmo.system.Marketplace.book;
import static app.fixmo.system.Marketplace.booked;
import static app.fixmo.system.Marketplace.cancel;
import static app.fixmo.system.Marketplace.eventually;
import static app.fixmo.system.Marketplace.expect;
import static app.fixmo.system.Marketplace.expectProblem;
import static app.fixmo.system.Marketplace.move;
import static app.fixmo.system.Marketplace.openSlots;
import static app.fixmo.system.Marketplace.review;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bookings end to end through HTTP: the race for a slot, the life of a booking, reviews. */
@WithKafkaAndRedis
class BookingsIT {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final int RACERS = 100;

  // A hundred sign-ups hash a hundred passwords twice; this class is not about hashing.
  private static final Map<String, String> CHEAP_PASSWORDS =
      Map.of("FIXMO_ARGON2_MEMORY_KIB", "1024", "FIXMO_ARGON2_ITERATIONS", "1");

  private static FixmoSystem system;
  private static Marketplace market;
  private static Client visitor;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, redis.url(), namespace, CHEAP_PASSWORDS);
    market = new Marketplace(system.api());
    visitor = market.visitor();
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  @Test
  void hundredCustomersRacingForOneSlotGetExactlyOneBooking() throws Exception {
    Provider provider = market.provider("Racer", "Manila", Category.PLUMBING, "UTC");
    List<Client> customers = market.customers("racer", RACERS);
    Instant slot = Marketplace.at(UTC, 3, 10);

    List<Api.Response> answers = race(customers, provider, slot);

    assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(RACERS - 1);
    answers.stream()
        .filter(r -> r.status() == 409)
        .forEach(r -> expectProblem(r, 409, "slot-taken"));
    int winner = winnerOf(answers);
    String bookingId = answers.get(winner).json().get("bookingId").asText();
    assertThat(pageOf(provider)).doesNotContain(slot);
    eventually()
        .untilAsserted(
            () -> {
              assertThat(idsOf(bookingsAt(provider.client(), slot))).containsExactly(bookingId);
              assertThat(idsOf(bookingsAt(customers.get(winner), slot))).containsExactly(bookingId);
            });
  }

  @Test
  void aCancelledSlotCanBeBookedAgain() {
    Provider provider = market.provider("Canceller", "Manila", Category.PLUMBING, "UTC");
    Client first = market.customer("First");
    Client second = market.customer("Second");
    Instant slot = Marketplace.at(UTC, 4, 9);
    String bookingId = booked(first, provider, slot);
    expectProblem(book(second, provider, slot), 409, "slot-taken");

    var cancelled = cancel(first, bookingId, "the leak fixed itself");

    expect(cancelled, 200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    JsonNode lastStep = last(cancelled.json().get("history"));
    assertThat(lastStep.get("status").asText()).isEqualTo("cancelled");
    assertThat(lastStep.get("reason").asText()).isEqualTo("the leak fixed itself");
    assertThat(pageOf(provider)).contains(slot);
    expect(book(second, provider, slot), 201);
    assertThat(pageOf(provider)).doesNotContain(slot);
  }

  @Test
  void aBookingIsStartedThenCompletedAndAnIllegalMoveIs409() {
    Provider provider = market.provider("Mover", "Manila", Category.ELECTRICAL, "UTC");
    Client customer = market.customer("Moved");
    String bookingId = booked(customer, provider, Marketplace.at(UTC, 3, 14));

    expectProblem(move(provider.client(), bookingId, "complete"), 409, "illegal-move");
    var started = move(provider.client(), bookingId, "start");
    expect(started, 200);
    assertThat(started.json().get("status").asText()).isEqualTo("started");
    expectProblem(move(provider.client(), bookingId, "start"), 409, "illegal-move");
    expectProblem(cancel(provider.client(), bookingId, "too busy"), 409, "illegal-move");
    var completed = move(provider.client(), bookingId, "complete");

    expect(completed, 200);
    var read = customer.get("/api/bookings/" + bookingId);
    expect(read, 200);
    assertThat(read.json().get("status").asText()).isEqualTo("completed");
    assertThat(statuses(read.json().get("history")))
        .containsExactly("confirmed", "started", "completed");
    assertThat(read.json().get("history").get(1).get("by").asText()).endsWith(provider.id());
    expectProblem(move(provider.client(), bookingId, "start"), 409, "illegal-move");
  }

  @Test
  void aBookingIsReviewedOnceAndOnlyAfterCompletion() {
    Provider provider = market.provider("Reviewed", "Manila", Category.AIRCON, "UTC");
    Client customer = market.customer("Reviewer");
    String bookingId = booked(customer, provider, Marketplace.at(UTC, 5, 11));
    expectProblem(review(customer, bookingId, 4, "early"), 409, "not-completed");
    expect(move(provider.client(), bookingId, "start"), 200);
    expect(move(provider.client(), bookingId, "complete"), 200);

    var reviewed = review(customer, bookingId, 4, "Quick and tidy.");
    var again = review(customer, bookingId, 1, "changed my mind");

    expect(reviewed, 201);
    expectProblem(again, 409, "already-reviewed");
    JsonNode page = visitor.get("/api/providers/" + provider.id()).json();
    assertThat(page.get("rating").get("count").asInt()).isEqualTo(1);
    assertThat(page.get("rating").get("average").asDouble()).isEqualTo(4.0);
    assertThat(page.get("rating").get("histogram").get("4").asInt()).isEqualTo(1);
    assertThat(page.get("reviews")).singleElement();
    assertThat(page.get("reviews").get(0).get("comment").asText()).isEqualTo("Quick and tidy.");
  }

  @Test
  void aBookingInThePastIs422() {
    Provider provider = market.provider("Past", "Manila", Category.CARPENTRY, "UTC");
    Client customer = market.customer("Late");

    var answer = book(customer, provider, Marketplace.at(UTC, -1, 10));

    expect(answer, 422);
    assertThat(answer.json().findValuesAsText("field")).contains("start");
  }

  @Test
  void aBookingOutsideTheProvidersHoursIs422() {
    Provider provider = market.provider("Hours", "Manila", Category.PAINTING, "UTC");
    Client customer = market.customer("Night");

    var evening = book(customer, provider, Marketplace.at(UTC, 3, 20));
    var offGrid = book(customer, provider, Marketplace.at(UTC, 3, 10).plusSeconds(30 * 60));

    expect(evening, 422);
    assertThat(evening.json().findValuesAsText("field")).contains("start");
    expect(offGrid, 422);
  }

  @Test
  void aBookingOfAnUnknownListingIs422() {
    Provider provider = market.provider("Listed", "Manila", Category.WELDING, "UTC");
    Client customer = market.customer("Unlisted");
    var request = Marketplace.bookingOf(provider, Marketplace.at(UTC, 3, 10));
    request.put("listingId", "no-such-listing");

    var answer = customer.post("/api/bookings", request);

    expect(answer, 422);
    assertThat(answer.json().findValuesAsText("field")).contains("listingId");
  }

  @Test
  void aProviderInManilaIsBookedWithAUtcInstant() {
    ZoneId manila = ZoneId.of("Asia/Manila");
    Provider provider =
        market.provider(
            "Manileno", "Manila", Category.TILING, Marketplace.everyDay("Asia/Manila", 8, 12));
    Client customer = market.customer("Abroad");
    LocalDate day = LocalDate.now(manila).plusDays(3);
    Instant nineInManila = day.atTime(1, 0).toInstant(ZoneOffset.UTC);
    Instant eightInManila = day.atStartOfDay().toInstant(ZoneOffset.UTC);

    var booking = book(customer, provider, nineInManila);

    expect(booking, 201);
    assertThat(booking.json().get("start").asText()).isEqualTo(nineInManila.toString());
    assertThat(booking.json().get("end").asText())
        .isEqualTo(nineInManila.plus(Duration.ofHours(1)).toString());
    assertThat(pageOf(provider))
        .filteredOn(slot -> !slot.isBefore(eightInManila))
        .filteredOn(slot -> slot.isBefore(eightInManila.plus(Duration.ofDays(1))))
        .containsExactly(
            eightInManila,
            eightInManila.plus(Duration.ofHours(2)),
            eightInManila.plus(Duration.ofHours(3)));
    expect(book(customer, provider, day.atTime(5, 0).toInstant(ZoneOffset.UTC)), 422);
    expect(book(customer, provider, eightInManila.minus(Duration.ofHours(1))), 422);
  }

  private static List<Api.Response> race(List<Client> customers, Provider provider, Instant slot)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Api.Response>> racers = new ArrayList<>();
    for (Client customer : customers) {
      racers.add(
          () -> {
            go.await();
            return book(customer, provider, slot);
          });
    }
    List<Api.Response> answers = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Api.Response>> pending = racers.stream().map(executor::submit).toList();
      go.countDown();
      for (Future<Api.Response> answer : pending) {
        answers.add(answer.get());
      }
    }
    return answers;
  }

  private static int winnerOf(List<Api.Response> answers) {
    return IntStream.range(0, answers.size())
        .filter(i -> answers.get(i).status() == 201)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> idsOf(List<JsonNode> bookings) {
    return bookings.stream().map(b -> b.get("bookingId").asText()).toList();
  }

  private static List<Instant> pageOf(Provider provider) {
    var page = visitor.get("/api/providers/" + provider.id());
    expect(page, 200);
    return openSlots(page.json());
  }

  private static List<JsonNode> bookingsAt(Client account, Instant start) {
    var bookings = account.get("/api/me/bookings");
    expect(bookings, 200);
    return StreamSupport.stream(bookings.json().get("items").spliterator(), false)
        .filter(b -> Instant.parse(b.get("start").asText()).equals(start))
        .toList();
  }

  private static List<String> statuses(JsonNode history) {
    return StreamSupport.stream(history.spliterator(), false)
        .map(step -> step.get("status").asText())
        .toList();
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
