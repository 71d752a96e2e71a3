package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace end to end: providers publish profiles, listings and hours through the edge, the
 * providers and directory processors decide and build pages and lists, and customers book.
 */
@WithKafkaAndRedis
class CatalogueIT {

  private static final String PASSWORD = "correct horse battery";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String HOURS =
      """
      {"timeZone": "Asia/Manila", "slotMinutes": 60, "hours": {
        "MONDAY": [{"from": "00:00", "to": "23:00"}],
        "TUESDAY": [{"from": "00:00", "to": "23:00"}],
        "WEDNESDAY": [{"from": "00:00", "to": "23:00"}],
        "THURSDAY": [{"from": "00:00", "to": "23:00"}],
        "FRIDAY": [{"from": "00:00", "to": "23:00"}],
        "SATURDAY": [{"from": "00:00", "to": "23:00"}],
        "SUNDAY": [{"from": "00:00", "to": "23:00"}]}}
      """;

  /** This test is not about the API rate limit; all its calls come from one address. */
  private static final Map<String, String> UNLIMITED =
      Map.of("FIXMO_API_RATE_PER_S", "10000", "FIXMO_API_BURST", "10000");

  private static FixmoSystem system;
  private static Api api;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, redis.url(), namespace, UNLIMITED);
    api = system.api();
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  @Test
  void providerPublishesProfileListingsAndHoursAndThePageShowsThem() {
    Account rosa = signUp("rosa@example.com", "provider");

    var profile =
        api.put(
            "/api/providers/me/profile",
            profile("Rosa Fixes Pipes", "Quezon City", "plumbing", "tiling"),
            rosa.bearer());
    var kept =
        api.post("/api/providers/me/listings", listing("plumbing", "Leaks", 50000), rosa.bearer());
    var dropped =
        api.post("/api/providers/me/listings", listing("tiling", "Floors", 90000), rosa.bearer());
    String keptId = kept.json().get("listingId").asText();
    var changed =
        api.put(
            "/api/providers/me/listings/" + keptId,
            listing("plumbing", "Leaks and clogs", 45000),
            rosa.bearer());
    var withdrawn =
        api.delete(
            "/api/providers/me/listings/" + dropped.json().get("listingId").asText(),
            rosa.bearer());
    var hours = api.put("/api/providers/me/availability", HOURS, rosa.bearer());

    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
    assertThat(dropped.status()).as(dropped.toString()).isEqualTo(201);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
    assertThat(withdrawn.body()).isEmpty();
    assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var page = api.get("/api/providers/" + rosa.id());
              assertThat(page.status()).as(page.toString()).isEqualTo(200);
              assertThat(page.header("ETag")).startsWith("\"");
              JsonNode body = page.json();
              assertThat(body.get("displayName").asText()).isEqualTo("Rosa Fixes Pipes");
              assertThat(body.get("listings")).hasSize(1);
              assertThat(body.get("listings").get(0).get("listingId").asText()).isEqualTo(keptId);
              assertThat(body.get("listings").get(0).get("title").asText())
                  .isEqualTo("Leaks and clogs");
              assertThat(body.get("openSlots").size()).isGreaterThan(10);
              assertThat(body.get("rating").get("count").asInt()).isZero();
            });
  }

  @Test
  void providersOfACategoryInACityAreListedAndPaged() {
    Account first = signUp("cebu.one@example.com", "provider");
    Account second = signUp("cebu.two@example.com", "provider");
    api.put(
        "/api/providers/me/profile", profile("Cebu One", "Cebu City", "aircon"), first.bearer());
    api.put(
        "/api/providers/me/profile", profile("Cebu Two", "cebu  city", "aircon"), second.bearer());
    api.post("/api/providers/me/listings", listing("aircon", "Cleaning", 80000), first.bearer());

    String list = "/api/providers?category=aircon&city=" + encoded(" CEBU city ");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var all = api.get(list);
              assertThat(all.status()).as(all.toString()).isEqualTo(200);
              assertThat(all.json().get("total").asInt()).isEqualTo(2);
              assertThat(all.json().get("items").findValuesAsText("providerId"))
                  .containsExactlyInAnyOrder(first.id(), second.id());
              assertThat(all.json().get("items").findValues("priceFrom"))
                  .extracting(JsonNode::asLong)
                  .containsExactly(80000L);
            });
    var secondPage = api.get(list + "&page=2&pageSize=1");
    var firstPage = api.get(list + "&page=1&pageSize=1");
    var pastTheEnd = api.get(list + "&page=3&pageSize=1");

    assertThat(secondPage.json().get("items")).hasSize(1);
    assertThat(secondPage.json().get("total").asInt()).isEqualTo(2);
    assertThat(secondPage.json().get("page").asInt()).isEqualTo(2);
    assertThat(secondPage.json().get("pageSize").asInt()).isEqualTo(1);
    assertThat(secondPage.json().get("category").asText()).isEqualTo("aircon");
    assertThat(secondPage.header("ETag")).isNotEqualTo(firstPage.header("ETag"));
    assertThat(firstPage.json().get("items").get(0).get("providerId"))
        .isNotEqualTo(secondPage.json().get("items").get(0).get("providerId"));
    assertThat(pastTheEnd.json().get("items")).isEmpty();
    var unchanged =
        api.get(list + "&page=2&pageSize=1", "If-None-Match", secondPage.header("ETag"));
    assertThat(unchanged.status()).isEqualTo(304);
  }

  @Test
  void aCityWithoutProvidersIsAnEmptyListNotA404() {
    var empty = api.get("/api/providers?category=welding&city=Nowhere%20Town");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("items")).isEmpty();
    assertThat(empty.json().get("total").asInt()).isZero();
    assertThat(empty.header("ETag")).doesNotContain(" ");
  }

  @Test
  void categoriesCountProvidersPerCity() {
    Account welder = signUp("welder@example.com", "provider");

    api.put(
        "/api/providers/me/profile", profile("Davao Welds", "Davao", "welding"), welder.bearer());

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var categories = api.get("/api/categories");
              assertThat(categories.status()).isEqualTo(200);
              JsonNode items = categories.json().get("items");
              assertThat(items.findValuesAsText("category")).hasSize(9);
              JsonNode welding = category(items, "welding");
              assertThat(welding.get("providers").asInt()).isGreaterThanOrEqualTo(1);
              assertThat(welding.get("cities").get("Davao").asInt()).isEqualTo(1);
            });
  }

  @Test
  void aCustomerIsRefusedOnProviderRoutes() {
    Account customer = signUp("not.a.provider@example.com", "customer");

    var profile =
        api.put(
            "/api/providers/me/profile",
            profile("Sneaky", "Manila", "plumbing"),
            customer.bearer());
    var listing =
        api.post(
            "/api/providers/me/listings", listing("plumbing", "Leaks", 100), customer.bearer());
    var hours = api.put("/api/providers/me/availability", HOURS, customer.bearer());

    assertThat(profile.status()).isEqualTo(403);
    assertThat(profile.json().get("detail").asText()).startsWith("only providers");
    assertThat(listing.status()).isEqualTo(403);
    assertThat(hours.status()).isEqualTo(403);
  }

  @Test
  void anonymousCallersAreRefusedOnSignedInRoutes() {
    var profile = api.put("/api/providers/me/profile", profile("Nobody", "Manila", "plumbing"));
    var booking = api.get("/api/bookings/some-booking");
    var mine = api.get("/api/me/bookings");

    assertThat(profile.status()).isEqualTo(401);
    assertThat(booking.status()).isEqualTo(401);
    assertThat(mine.status()).isEqualTo(401);
  }

  @Test
  void aCookieWriteFromAnotherSiteNeedsTheCsrfToken() {
    Account tomas = signUp("tomas@example.com", "provider");
    String body = profile("Tomas Paints", "Iloilo", "painting");

    var crossSite =
        api.put(
            "/api/providers/me/profile",
            body,
            "Cookie",
            tomas.cookie(),
            "Origin",
            "https://evil.example");
    var withToken =
        api.put(
            "/api/providers/me/profile",
            body,
            "Cookie",
            tomas.cookie(),
            "Origin",
            "https://evil.example",
            "X-CSRF-Token",
            tomas.csrfToken());

    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
  }

  @Test
  void anUnknownOrMissingFieldIs422NamingIt() {
    Account lito = signUp("lito@example.com", "provider");

    var unknown =
        api.put(
            "/api/providers/me/profile",
            "{\"displayName\":\"Lito\",\"city\":\"Manila\",\"categories\":[\"masonry\"],"
                + "\"website\":\"https://lito.example\"}",
            lito.bearer());
    var noPrice =
        api.post(
            "/api/providers/me/listings",
            "{\"category\":\"masonry\",\"title\":\"Walls\",\"durationMinutes\":60}",
            lito.bearer());
    var badCategory =
        api.post("/api/providers/me/listings", listing("boats", "Hulls", 100), lito.bearer());

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(field(unknown)).isEqualTo("website");
    assertThat(noPrice.status()).isEqualTo(422);
    assertThat(field(noPrice)).isEqualTo("priceFrom");
    assertThat(badCategory.status()).isEqualTo(422);
    assertThat(field(badCategory)).isEqualTo("category");
  }

  @Test
  void badQueryParametersAre422NamingThem() {
    Account customer = signUp("curious@example.com", "customer");

    Stream.of(
            new String[] {"/api/providers?city=Manila", "category"},
            new String[] {"/api/providers?category=plumbing", "city"},
            new String[] {"/api/providers?category=boats&city=Manila", "category"},
            new String[] {"/api/providers?category=plumbing&city=Manila&page=0", "page"},
            new String[] {"/api/providers?category=plumbing&city=Manila&pageSize=51", "pageSize"},
            new String[] {"/api/providers?category=plumbing&city=Manila&pageSize=x", "pageSize"})
        .forEach(
            pair -> {
              var answer = api.get(pair[0]);
              assertThat(answer.status()).as(pair[0]).isEqualTo(422);
              assertThat(field(answer)).as(pair[0]).isEqualTo(pair[1]);
            });
    var status = api.get("/api/me/bookings?status=done", customer.bearer());

    assertThat(status.status()).isEqualTo(422);
    assertThat(field(status)).isEqualTo("status");
  }

  @Test
  void anUnknownProviderIs404() {
    var page = api.get("/api/providers/no-such-provider");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.json().get("detail").asText()).isEqualTo("no provider no-such-provider");
  }

  @Test
  void aBookingIsShownToItsTwoPartiesOnly() {
    Account provider = signUp("mara@example.com", "provider");
    Account customer = signUp("nilo@example.com", "customer");
    Account stranger = signUp("olga@example.com", "customer");
    api.put(
        "/api/providers/me/profile",
        profile("Mara Wires", "Makati", "electrical"),
        provider.bearer());
    String listingId =
        api.post(
                "/api/providers/me/listings",
                listing("electrical", "Rewiring", 120000),
                provider.bearer())
            .json()
            .get("listingId")
            .asText();
    api.put("/api/providers/me/availability", HOURS, provider.bearer());
    String slot = openSlot(provider.id());

    var booked =
        api.post(
            "/api/bookings",
            booking(provider.id(), listingId, slot, "1 Ayala Ave"),
            customer.bearer());
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    String path = "/api/bookings/" + booked.json().get("bookingId").asText();

    var byCustomer = api.get(path, customer.bearer());
    var byProvider = api.get(path, provider.bearer());
    var byStranger = api.get(path, stranger.bearer());
    var unknown = api.get("/api/bookings/no-such-booking", stranger.bearer());
    var strangerCancels =
        api.post(path + "/cancel", "{\"reason\":\"mine now\"}", stranger.bearer());
    var customerStarts = api.post(path + "/start", "", customer.bearer());
    var providerBooks =
        api.post("/api/bookings", booking(provider.id(), listingId, slot, "x"), provider.bearer());

    assertThat(byCustomer.status()).isEqualTo(200);
    assertThat(byCustomer.header("ETag")).isNotBlank();
    assertThat(byCustomer.json().get("status").asText()).isEqualTo("confirmed");
    assertThat(byCustomer.json().get("customerId").asText()).isEqualTo(customer.id());
    assertThat(byProvider.status()).isEqualTo(200);
    assertThat(byStranger.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(byStranger.json().get("type")).isEqualTo(unknown.json().get("type"));
    assertThat(strangerCancels.status()).isEqualTo(404);
    assertThat(customerStarts.status()).isEqualTo(403);
    assertThat(providerBooks.status()).isEqualTo(403);
  }

  @Test
  void theProviderMovesABookingAndBothPartiesListIt() {
    Account provider = signUp("pia@example.com", "provider");
    Account customer = signUp("quin@example.com", "customer");
    api.put(
        "/api/providers/me/profile",
        profile("Pia Carpentry", "Pasig", "carpentry"),
        provider.bearer());
    String listingId =
        api.post(
                "/api/providers/me/listings",
                listing("carpentry", "Doors", 70000),
                provider.bearer())
            .json()
            .get("listingId")
            .asText();
    api.put("/api/providers/me/availability", HOURS, provider.bearer());
    String bookingId =
        api.post(
                "/api/bookings",
                booking(provider.id(), listingId, openSlot(provider.id()), "2 C5"),
                customer.bearer())
            .json()
            .get("bookingId")
            .asText();

    var started = api.post("/api/bookings/" + bookingId + "/start", "", provider.bearer());
    var completed = api.post("/api/bookings/" + bookingId + "/complete", "{}", provider.bearer());
    var reviewedByProvider =
        api.post("/api/bookings/" + bookingId + "/review", "{\"rating\":5}", provider.bearer());
    var extraField =
        api.post("/api/bookings/" + bookingId + "/no-show", "{\"why\":1}", provider.bearer());

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(reviewedByProvider.status()).isEqualTo(403);
    assertThat(extraField.status()).isEqualTo(422);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              var mine = api.get("/api/me/bookings?status=completed", customer.bearer());
              var theirs = api.get("/api/me/bookings", provider.bearer());
              assertThat(mine.json().get("items").findValuesAsText("bookingId"))
                  .containsExactly(bookingId);
              assertThat(mine.json().get("total").asInt()).isEqualTo(1);
              assertThat(theirs.json().get("items").findValuesAsText("bookingId"))
                  .containsExactly(bookingId);
            });
    var none = api.get("/api/me/bookings?status=cancelled", customer.bearer());
    assertThat(none.json().get("items")).isEmpty();
    assertThat(none.json().get("total").asInt()).isZero();
  }

  /** A signed-in account: its id, its bearer token and the CSRF token its login gave. */
  private record Account(String id, String token, String csrfToken) {

    String[] bearer() {
      return new String[] {"Authorization", "Bearer " + token};
    }

    String cookie() {
      return "fixmo_session=" + token;
    }
  }

  private static Account signUp(String email, String role) {
    var registered = api.register(email, PASSWORD, role);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    var login = api.login(email, PASSWORD);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return new Account(
        registered.json().get("accountId").asText(),
        login.json().get("token").asText(),
        login.json().get("csrfToken").asText());
  }

  /** Returns an open slot a little ahead, so it is still in the future when booked. */
  private static String openSlot(String providerId) {
    String[] slot = new String[1];
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              JsonNode slots = api.get("/api/providers/" + providerId).json().get("openSlots");
              assertThat(slots.size()).isGreaterThan(3);
              slot[0] = slots.get(3).asText();
            });
    return slot[0];
  }

  private static String profile(String name, String city, String... categories) {
    String list = String.join("\",\"", categories);
    return ("{\"displayName\":\"%s\",\"bio\":\"Twenty years on the job.\",\"city\":\"%s\","
            + "\"categories\":[\"%s\"]}")
        .formatted(name, city, list);
  }

  private static String booking(String providerId, String listingId, String start, String at) {
    return ("{\"providerId\":\"%s\",\"listingId\":\"%s\",\"start\":\"%s\"," + "\"address\":\"%s\"}")
        .formatted(providerId, listingId, start, at);
  }

  private static String listing(String category, String title, long priceFrom) {
    return ("{\"category\":\"%s\",\"title\":\"%s\",\"description\":\"Done right.\","
            + "\"priceFrom\":%d,\"durationMinutes\":60}")
        .formatted(category, title, priceFrom);
  }

  private static JsonNode category(JsonNode items, String wireName) {
    for (JsonNode item : items) {
      if (item.get("category").asText().equals(wireName)) {
        return item;
      }
    }
    throw new AssertionError("no category " + wireName + " in " + items);
  }

  private static String field(Api.Response response) {
    return response.json().get("errors").get(0).get("field").asText();
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
