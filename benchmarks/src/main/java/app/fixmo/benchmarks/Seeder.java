package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds the marketplace through the public API, exactly as clients would: providers with a profile,
 * one 15-minute listing and hours over most of every day, and customers, all signed in.
 *
 * <p>Every request claims an address of its own, so that the login limit (per address and per
 * e-mail) and the API rate limit, both left at their production defaults, never stop the seeding.
 */
final class Seeder {

  static final String PASSWORD = "bench-password-1";
  static final String TIME_ZONE = "Asia/Manila";
  static final int SLOT_MINUTES = 15;
  static final String OPENS = "05:00";
  static final String CLOSES = "23:00";

  private static final List<String> CATEGORIES =
      List.of("plumbing", "electrical", "aircon", "carpentry", "painting", "appliance-repair");
  private static final List<String> CITIES = List.of("Manila", "Cebu", "Davao");

  private final ApiClient api;
  private final String runTag;
  private final AtomicLong addresses = new AtomicLong();

  Seeder(ApiClient api, String runTag) {
    this.api = api;
    this.runTag = runTag;
  }

  /** Registers, signs in and sets up provider number {@code n}. */
  Seed.Provider provider(int n) {
    String city = CITIES.get(n % CITIES.size());
    String category = CATEGORIES.get(n % CATEGORIES.size());
    String id = register("provider", n, city);
    String token = login("provider", n);

    api.write(put("/api/providers/me/profile", token, profile(n, city, category)), 200, 201, 204);
    JsonNode listing = api.write(post("/api/providers/me/listings", token, listing(category)), 201);
    api.write(put("/api/providers/me/availability", token, hours()), 200, 201, 204);
    return new Seed.Provider(id, listing.path("listingId").asText(), token);
  }

  /** Registers and signs in customer number {@code n}. */
  Seed.Customer customer(int n) {
    String id = register("customer", n, CITIES.get(n % CITIES.size()));
    return new Seed.Customer(id, login("customer", n));
  }

  /** Reads a provider's page as an anonymous visitor. */
  JsonNode page(String providerId) {
    return api.expect(ApiCall.get("/api/providers/" + providerId, nextAddress()), 200);
  }

  private String register(String role, int n, String city) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email(role, n));
    body.put("password", PASSWORD);
    body.put("name", "Bench " + role + " " + n);
    body.put("role", role);
    body.put("city", city);
    return api.write(post("/api/auth/register", null, body), 201).path("accountId").asText();
  }

  private String login(String role, int n) {
    Map<String, Object> body = Map.of("email", email(role, n), "password", PASSWORD);
    return api.expect(post("/api/auth/login", null, body), 200).path("token").asText();
  }

  private String email(String role, int n) {
    return "bench-" + role + "-" + runTag + "-" + n + "@fixmo.test";
  }

  private static Map<String, Object> profile(int n, String city, String category) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayName", "Bench Provider " + n);
    body.put("bio", "Seeded by the FixMo benchmark.");
    body.put("city", city);
    body.put("categories", List.of(category));
    return body;
  }

  private static Map<String, Object> listing(String category) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", category);
    body.put("title", "Quarter-hour visit");
    body.put("description", "A 15-minute check, seeded by the FixMo benchmark.");
    body.put("priceFrom", 50_000);
    body.put("durationMinutes", SLOT_MINUTES);
    return body;
  }

  private static Map<String, Object> hours() {
    Map<String, Object> days = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day.name(), List.of(Map.of("from", OPENS, "to", CLOSES)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timeZone", TIME_ZONE);
    body.put("slotMinutes", SLOT_MINUTES);
    body.put("hours", days);
    return body;
  }

  private ApiCall post(String path, String token, Object body) {
    return new ApiCall("POST", path, token, nextAddress(), ApiClient.json(body));
  }

  private ApiCall put(String path, String token, Object body) {
    return new ApiCall("PUT", path, token, nextAddress(), ApiClient.json(body));
  }

  private String nextAddress() {
    return ClientAddresses.SEEDING.of(addresses.getAndIncrement());
  }
}
