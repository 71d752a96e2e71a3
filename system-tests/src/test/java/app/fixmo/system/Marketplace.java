package app.fixmo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.providers.WeeklyHours.Interval;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;

/**
 * The people of the marketplace, through HTTP only: providers with a page (profile, one listing,
 * weekly hours), customers, visitors, and their bookings.
 *
 * <p>Every {@link Client} sends all its requests from an address of its own (through the trusted
 * loopback proxy), as separate people would, so that tests which are not about the API rate limit
 * do not share one budget.
 */
final class Marketplace {

  static final String PASSWORD = "correct horse battery";

  /** The price of the listing every provider made here publishes. */
  static final long PRICE_FROM = 150_000;

  /** The length of that listing and of the providers' slots, so a booking holds one slot. */
  static final int MINUTES = 60;

  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  // A sign-up mostly waits on Kafka; each takes 8 MiB of Argon2id memory while it hashes.
  private static final int PARALLEL_SIGN_UPS = 16;

  private final Api api;

  Marketplace(Api api) {
    this.api = api;
  }

  /**
   * A caller with an address of its own, signed in or anonymous.
   *
   * @param accountId the account, or null for an anonymous visitor
   * @param token the bearer token, or null for an anonymous visitor
   * @param csrfToken the login's CSRF token, or null for an anonymous visitor
   */
  record Client(Api api, String address, String accountId, String token, String csrfToken) {

    Api.Response get(String path) {
      return api.get(path, headers());
    }

    Api.Response post(String path, Object body) {
      return api.post(path, Json.toText(body), headers());
    }

    Api.Response put(String path, Object body) {
      return api.put(path, Json.toText(body), headers());
    }

    Api.Response delete(String path) {
      return api.delete(path, headers());
    }

    /** Returns the bearer session as a cookie, as a browser would send it. */
    String cookie() {
      return "fixmo_session=" + token;
    }

    private String[] headers() {
      if (token == null) {
        return new String[] {"X-Forwarded-For", address};
      }
      return new String[] {"X-Forwarded-For", address, "Authorization", "Bearer " + token};
    }
  }

  /** A provider on show: its signed-in client, its one listing and its hours. */
  record Provider(Client client, String listingId, Category category, WeeklyHours hours) {

    String id() {
      return client.accountId();
    }

    ZoneId zone() {
      return hours.zone();
    }
  }

  /** Returns an anonymous visitor. */
  Client visitor() {
    return new Client(api, nextAddress(), null, null, null);
  }

  /** Registers and signs in a customer of Manila. */
  Client customer(String name) {
    return signUp("customer", name, "Manila");
  }

  /** Registers and signs in {@code count} customers, a few at a time. */
  List<Client> customers(String name, int count) throws InterruptedException {
    List<Callable<Client>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String each = name + i;
      signUps.add(() -> customer(each));
    }
    List<Client> customers = new ArrayList<>();
    try (var executor = Executors.newFixedThreadPool(PARALLEL_SIGN_UPS)) {
      for (Future<Client> customer : executor.invokeAll(signUps)) {
        customers.add(done(customer));
      }
    }
    return customers;
  }

  /** Registers and signs in an account of the given role. */
  Client signUp(String role, String name, String city) {
    String address = nextAddress();
    String email = name.toLowerCase(Locale.ROOT) + "-" + PEOPLE.incrementAndGet() + "@example.com";
    Map<String, String> account =
        Map.of("email", email, "password", PASSWORD, "name", name, "role", role, "city", city);
    var registered =
        api.post("/api/auth/register", Json.toText(account), "X-Forwarded-For", address);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

    var login = api.login(email, PASSWORD, "X-Forwarded-For", address);
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    JsonNode session = login.json();
    return new Client(
        api,
        address,
        registered.json().get("accountId").asText(),
        session.get("token").asText(),
        session.get("csrfToken").asText());
  }

  /** Sets up a provider open every day from 08:00 to 18:00 in its zone, with one listing. */
  Provider provider(String name, String city, Category category, String timeZone) {
    return provider(name, city, category, everyDay(timeZone, 8, 18));
  }

  /** Sets up a provider with the given hours and one listing of the category. */
  Provider provider(String name, String city, Category category, WeeklyHours hours) {
    Client client = signUp("provider", name, city);
    expect(client.put("/api/providers/me/profile", profile(name, city, category)), 200);

    var listing = client.post("/api/providers/me/listings", listing(category, name));
    expect(listing, 201);

    expect(client.put("/api/providers/me/availability", hours), 200);
    return new Provider(client, listing.json().get("listingId").asText(), category, hours);
  }

  /** Asks for a booking of the provider's listing at {@code start}. */
  static Api.Response book(Client customer, Provider provider, Instant start) {
    return customer.post("/api/bookings", bookingOf(provider, start));
  }

  /** Returns a valid booking request for the provider's listing at {@code start}. */
  static Map<String, Object> bookingOf(Provider provider, Instant start) {
    Map<String, Object> booking = new LinkedHashMap<>();
    booking.put("providerId", provider.id());
    booking.put("listingId", provider.listingId());
    booking.put("start", start.toString());
    booking.put("address", "12 Mabini Street, Barangay 5");
    booking.put("notes", "the kitchen sink leaks");
    return booking;
  }

  /** Books the provider at {@code start}, expecting a confirmed booking; returns its id. */
  static String booked(Client customer, Provider provider, Instant start) {
    var booking = book(customer, provider, start);
    expect(booking, 201);
    return booking.json().get("bookingId").asText();
  }

  /** Makes a move without a payload ({@code start}, {@code complete}, {@code no-show}). */
  static Api.Response move(Client who, String bookingId, String move) {
    return who.post("/api/bookings/" + bookingId + "/" + move, Map.of());
  }

  /** Cancels a booking, saying why. */
  static Api.Response cancel(Client who, String bookingId, String reason) {
    return who.post("/api/bookings/" + bookingId + "/cancel", Map.of("reason", reason));
  }

  /** Reviews a booking. */
  static Api.Response review(Client who, String bookingId, int rating, String comment) {
    return who.post(
        "/api/bookings/" + bookingId + "/review", Map.of("rating", rating, "comment", comment));
  }

  /** Returns a profile body for one category. */
  static Map<String, Object> profile(String name, String city, Category category) {
    return Map.of(
        "displayName",
        name + " Services",
        "bio",
        "Twenty years in the trade.",
        "city",
        city,
        "categories",
        List.of(category.wireName()));
  }

  /** Returns a listing body of the category, at {@link #PRICE_FROM} for {@link #MINUTES}. */
  static Map<String, Object> listing(Category category, String name) {
    return Map.of(
        "category",
        category.wireName(),
        "title",
        name + "'s " + category.wireName() + " visit",
        "description",
        "A visit to look and fix.",
        "priceFrom",
        PRICE_FROM,
        "durationMinutes",
        MINUTES);
  }

  /** Returns hours open every day from {@code fromHour} to {@code toHour}, in hour slots. */
  static WeeklyHours everyDay(String timeZone, int fromHour, int toHour) {
    Map<DayOfWeek, List<Interval>> hours = new EnumMap<>(DayOfWeek.class);
    Interval open = new Interval(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    for (DayOfWeek day : DayOfWeek.values()) {
      hours.put(day, List.of(open));
    }
    return new WeeklyHours(timeZone, MINUTES, hours);
  }

  /**
   * Returns hours open from 08:00 to 18:00 only on the weekdays that fall {@code days} from today
   * in the zone. With no open day today or tomorrow, the page holds still for the next day: it is
   * made again only when its first open slot starts or a new one enters its 14 days.
   */
  static WeeklyHours onDaysAhead(String timeZone, int... days) {
    Map<DayOfWeek, List<Interval>> hours = new EnumMap<>(DayOfWeek.class);
    LocalDate today = LocalDate.now(ZoneId.of(timeZone));
    for (int day : days) {
      hours.put(
          today.plusDays(day).getDayOfWeek(),
          List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(18, 0))));
    }
    return new WeeklyHours(timeZone, MINUTES, hours);
  }

  /** Returns the instant of a wall-clock hour in a zone, {@code days} from today there. */
  static Instant at(ZoneId zone, int days, int hour) {
    return LocalDate.now(zone).plusDays(days).atTime(hour, 0).atZone(zone).toInstant();
  }

  /** Returns the path of a provider list of a category in a city. */
  static String listPath(Category category, String city) {
    return "/api/providers?category="
        + category.wireName()
        + "&city="
        + URLEncoder.encode(city, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns a page's open slots. */
  static List<Instant> openSlots(JsonNode page) {
    return instants(page.get("openSlots"));
  }

  /** Returns the item of a list (providers or bookings) with the given id field, or null. */
  static JsonNode item(JsonNode list, String idField, String id) {
    return StreamSupport.stream(list.get("items").spliterator(), false)
        .filter(item -> item.get(idField).asText().equals(id))
        .findFirst()
        .orElse(null);
  }

  /** Returns how views that follow writes by milliseconds are awaited. */
  static ConditionFactory eventually() {
    // A poll every 250 ms keeps a client far below the API limit of 10 requests per second.
    return await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250));
  }

  /** Asserts a status, showing the whole answer when it is another. */
  static void expect(Api.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  /** Asserts a problem answer: its status and the last segment of its type. */
  static void expectProblem(Api.Response response, int status, String type) {
    expect(response, status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText()).as(response.toString()).endsWith("/" + type);
  }

  private static List<Instant> instants(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(node -> Instant.parse(node.asText()))
        .toList();
  }

  private static <T> T done(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    }
  }

  // 10.0.0.0/8 is never a trusted proxy in these tests, so the edge takes it as the client.
  private static String nextAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }
}
