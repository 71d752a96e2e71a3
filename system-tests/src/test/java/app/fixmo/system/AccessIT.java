package app.fixmo.system;

import static app.fixmo.system.Marketplace.expect;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.system.Marketplace.Client;
import app.fixmo.system.Marketplace.Provider;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every marketplace route refuses the wrong caller, and a refused move changes nothing. */
@WithKafkaAndRedis
class AccessIT {

  private static FixmoSystem system;
  private static Marketplace market;
  private static Provider provider;
  private static Provider otherProvider;
  private static Client customer;
  private static Client otherCustomer;
  private static String bookingId;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, redis.url(), namespace, Map.of());
    market = new Marketplace(system.api());
    provider = market.provider("Owner", "Manila", Category.PLUMBING, "UTC");
    otherProvider = market.provider("Stranger", "Manila", Category.PLUMBING, "UTC");
    customer = market.customer("Booker");
    otherCustomer = market.customer("Snoop");
    bookingId = Marketplace.booked(customer, provider, Marketplace.at(ZoneOffset.UTC, 3, 10));
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  /** One request of a route, with a valid body, sent as some client. */
  private record Call(String method, String path, Object body) {

    Api.Response sendAs(Client client) {
      return switch (method) {
        case "GET" -> client.get(path);
        case "POST" -> client.post(path, body);
        case "PUT" -> client.put(path, body);
        case "DELETE" -> client.delete(path);
        default -> throw new IllegalArgumentException(method);
      };
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void anAnonymousCallerIs401OnEveryWriteAndOnBookings() {
    List<Call> calls = new ArrayList<>(providerRoutes());
    calls.add(newBooking());
    calls.addAll(moves(List.of("cancel", "start", "complete", "no-show", "review")));
    calls.add(new Call("GET", "/api/me/bookings", null));
    calls.add(new Call("GET", "/api/bookings/" + bookingId, null));

    Map<String, Integer> statuses = statusesOf(calls, market.visitor());

    assertThat(statuses).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(401));
    assertStillConfirmed();
  }

  @Test
  void aCustomerIs403OnProviderRoutes() {
    Map<String, Integer> statuses = statusesOf(providerRoutes(), customer);

    assertThat(statuses).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(403));
    var page = market.visitor().get("/api/providers/" + provider.id());
    assertThat(page.json().get("listings")).hasSize(1);
  }

  @Test
  void aProviderIs403OnBooking() {
    var answer = newBooking().sendAs(otherProvider.client());

    expect(answer, 403);
  }

  @Test
  void anotherCustomerOrProviderGets404OnSomeoneElsesBooking() {
    List<Call> calls = new ArrayList<>();
    calls.add(new Call("GET", "/api/bookings/" + bookingId, null));
    calls.addAll(moves(List.of("cancel", "start", "complete", "no-show", "review")));

    Map<String, Integer> ofCustomer = statusesOf(calls, otherCustomer);
    Map<String, Integer> ofProvider = statusesOf(calls, otherProvider.client());

    assertThat(ofCustomer).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(404));
    assertThat(ofProvider).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(404));
    assertStillConfirmed();
  }

  @Test
  void theCustomerIs403OnTheProvidersMoves() {
    Map<String, Integer> statuses =
        statusesOf(moves(List.of("start", "complete", "no-show")), customer);

    assertThat(statuses).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(403));
    assertStillConfirmed();
  }

  @Test
  void theProviderIs403OnReview() {
    var answer = moves(List.of("review")).get(0).sendAs(provider.client());

    expect(answer, 403);
    assertStillConfirmed();
  }

  @Test
  void aCookieWriteWithoutSameOriginOrCsrfTokenIs403() {
    String booking = Json.toText(bookingAt(4));
    Api api = system.api();
    String[] asBrowser = {"X-Forwarded-For", customer.address(), "Cookie", customer.cookie()};

    var crossSite =
        api.post("/api/bookings", booking, with(asBrowser, "Origin", "https://evil.example"));
    var noOrigin = api.post("/api/bookings", booking, asBrowser);
    var withToken =
        api.post(
            "/api/bookings",
            booking,
            with(
                asBrowser, "Origin", "https://evil.example", "X-CSRF-Token", customer.csrfToken()));

    expect(crossSite, 403);
    expect(noOrigin, 403);
    expect(withToken, 201);
  }

  @Test
  void aProvidersCookieWriteFromAnotherSiteIs403() {
    Client owner = provider.client();

    var crossSite =
        system
            .api()
            .put(
                "/api/providers/me/availability",
                Json.toText(Marketplace.everyDay("UTC", 6, 9)),
                "X-Forwarded-For",
                owner.address(),
                "Cookie",
                owner.cookie(),
                "Origin",
                "https://evil.example");

    expect(crossSite, 403);
    assertThat(
            Marketplace.openSlots(market.visitor().get("/api/providers/" + provider.id()).json()))
        .allSatisfy(slot -> assertThat(slot.atZone(ZoneOffset.UTC).getHour()).isBetween(8, 17));
  }

  private static List<Call> providerRoutes() {
    String listing = "/api/providers/me/listings/" + provider.listingId();
    return List.of(
        new Call(
            "PUT",
            "/api/providers/me/profile",
            Marketplace.profile("Impostor", "Manila", Category.PLUMBING)),
        new Call(
            "POST", "/api/providers/me/listings", Marketplace.listing(Category.PLUMBING, "Fake")),
        new Call("PUT", listing, Marketplace.listing(Category.PLUMBING, "Fake")),
        new Call("DELETE", listing, null),
        new Call("PUT", "/api/providers/me/availability", Marketplace.everyDay("UTC", 6, 9)));
  }

  private static Call newBooking() {
    return new Call("POST", "/api/bookings", bookingAt(5));
  }

  private static Map<String, Object> bookingAt(int days) {
    return Marketplace.bookingOf(provider, Marketplace.at(ZoneOffset.UTC, days, 10));
  }

  private static List<Call> moves(List<String> moves) {
    return moves.stream()
        .map(move -> new Call("POST", "/api/bookings/" + bookingId + "/" + move, bodyOf(move)))
        .toList();
  }

  private static Object bodyOf(String move) {
    return switch (move) {
      case "cancel" -> Map.of("reason", "not needed any more");
      case "review" -> Map.of("rating", 1, "comment", "never came");
      default -> Map.of();
    };
  }

  private static Map<String, Integer> statusesOf(List<Call> calls, Client client) {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    calls.forEach(call -> statuses.put(call.toString(), call.sendAs(client).status()));
    return statuses;
  }

  private static void assertStillConfirmed() {
    var booking = customer.get("/api/bookings/" + bookingId);
    expect(booking, 200);
    assertThat(booking.json().get("status").asText()).isEqualTo("confirmed");
  }

  private static String[] with(String[] headers, String... more) {
    String[] all = Arrays.copyOf(headers, headers.length + more.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }
}
