package app.fixmo.system;

import static app.fixmo.system.Marketplace.booked;
import static app.fixmo.system.Marketplace.eventually;
import static app.fixmo.system.Marketplace.expect;
import static app.fixmo.system.Marketplace.item;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.system.Marketplace.Client;
import app.fixmo.system.Marketplace.Provider;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.projector.ViewReplayer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Deleting every view in Redis and replaying the views topic gives back the same marketplace. */
@WithKafkaAndRedis
class MarketplaceReplayIT {

  private static final List<String> VIEWS =
      List.of(
          AccountViews.ACCOUNT,
          AccountViews.CREDENTIALS,
          ProviderViews.PROVIDER_PAGE,
          ProviderViews.BOOKING,
          ProviderViews.PROVIDER_LIST,
          ProviderViews.CATEGORIES,
          ProviderViews.ACCOUNT_BOOKINGS);

  private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

  private static FixmoSystem system;
  private static Marketplace market;
  private static RedissonClient redis;
  private static final Map<String, Client> accounts = new LinkedHashMap<>();
  private static final Map<String, Client> bookings = new LinkedHashMap<>();
  private static final List<Provider> providers = new ArrayList<>();

  @BeforeAll
  static void buildAMarketplace(
      KafkaBroker broker, RedisInstance redisInstance, TestNamespace namespace) throws Exception {
    system = FixmoSystem.start(broker, redisInstance.url(), namespace, Map.of());
    redis = RedisClients.create(system.config());
    market = new Marketplace(system.api());
    Provider ana = plumberWhoAlsoTiles();
    Provider ben = market.provider("Ben", "Cebu", Category.PLUMBING, stillHours("Asia/Manila"));
    Provider cy = market.provider("Cy", "Davao", Category.ELECTRICAL, stillHours("Asia/Manila"));
    Client dee = market.customer("Dee");
    Client eve = market.customer("Eve");
    List.of(ana, ben, cy).forEach(p -> accounts.put(p.id(), p.client()));
    List.of(dee, eve).forEach(c -> accounts.put(c.accountId(), c));
    providers.addAll(List.of(ana, ben, cy));

    reviewedBooking(dee, ana);
    String cancelled = booked(eve, ana, Marketplace.at(ZoneOffset.UTC, 4, 10));
    expect(Marketplace.cancel(eve, cancelled, "found someone nearer"), 200);
    String confirmed = booked(dee, ben, Marketplace.at(MANILA, 3, 9));
    String started = booked(eve, cy, Marketplace.at(MANILA, 5, 10));
    expect(Marketplace.move(cy.client(), started, "start"), 200);
    bookings.put(cancelled, eve);
    bookings.put(confirmed, dee);
    bookings.put(started, eve);
    awaitViewsCaughtUp();
  }

  @AfterAll
  static void stopSystem() {
    redis.shutdown();
    system.close();
  }

  @Test
  void wipedMarketplaceViewsComeBackByteForByteFromTheViewsTopic() {
    Map<String, Map<String, String>> before = snapshot();
    Map<String, String> readsBefore = reads();
    assertThat(before).allSatisfy((view, hash) -> assertThat(hash).as(view).isNotEmpty());

    new ViewStore(redis, system.config()).wipe(VIEWS);
    assertThat(snapshot()).allSatisfy((view, hash) -> assertThat(hash).as(view).isEmpty());
    eventually()
        .untilAsserted(
            () -> expect(market.visitor().get("/api/providers/" + providers.get(0).id()), 404));

    long replayed =
        new ViewReplayer(new KafkaClients(system.config()), new ViewStore(redis, system.config()))
            .replay();

    assertThat(replayed).isGreaterThanOrEqualTo(documents(before));
    assertThat(digests(snapshot())).isEqualTo(digests(before));
    eventually().untilAsserted(() -> assertThat(reads()).isEqualTo(readsBefore));
  }

  private static Provider plumberWhoAlsoTiles() {
    Provider ana = market.provider("Ana", "Cebu", Category.PLUMBING, stillHours("UTC"));
    Client client = ana.client();
    var profile = new LinkedHashMap<>(Marketplace.profile("Ana", "Cebu", Category.PLUMBING));
    profile.put("categories", List.of("plumbing", "tiling"));
    expect(client.put("/api/providers/me/profile", profile), 200);
    expect(
        client.post("/api/providers/me/listings", Marketplace.listing(Category.TILING, "Ana")),
        201);
    var extra =
        client.post("/api/providers/me/listings", Marketplace.listing(Category.PLUMBING, "Old"));
    expect(extra, 201);
    expect(
        client.delete("/api/providers/me/listings/" + extra.json().get("listingId").asText()), 204);
    return ana;
  }

  // Pages are made again as their slots go stale; these stay still for the test's few seconds.
  private static WeeklyHours stillHours(String timeZone) {
    return Marketplace.onDaysAhead(timeZone, 3, 4, 5);
  }

  private static void reviewedBooking(Client customer, Provider provider) {
    String bookingId = booked(customer, provider, Marketplace.at(ZoneOffset.UTC, 3, 10));
    expect(Marketplace.move(provider.client(), bookingId, "start"), 200);
    expect(Marketplace.move(provider.client(), bookingId, "complete"), 200);
    expect(Marketplace.review(customer, bookingId, 5, "Spotless work."), 201);
    bookings.put(bookingId, customer);
  }

  /** Waits until the lists, the counts and every party's bookings show the last write. */
  private static void awaitViewsCaughtUp() {
    Client visitor = market.visitor();
    eventually()
        .untilAsserted(
            () -> {
              JsonNode plumbers =
                  visitor.get(Marketplace.listPath(Category.PLUMBING, "Cebu")).json();
              assertThat(plumbers.get("total").asInt()).isEqualTo(2);
              JsonNode ana = item(plumbers, "providerId", providers.get(0).id());
              assertThat(ana.get("rating").get("count").asInt()).isEqualTo(1);
              JsonNode categories = visitor.get("/api/categories").json();
              assertThat(item(categories, "category", "plumbing").get("providers").asInt())
                  .isEqualTo(2);
              assertThat(item(categories, "category", "tiling").get("providers").asInt())
                  .isEqualTo(1);
            });
    bookings.forEach(
        (bookingId, customer) ->
            eventually().untilAsserted(() -> assertPartiesSeeTheLatest(bookingId, customer)));
    eventually().untilAsserted(MarketplaceReplayIT::assertIndexesHoldTheLatestVersions);
  }

  /**
   * Checks every account's booking index against the booking documents. {@code /api/me/bookings}
   * shows the booking documents themselves, so it is current before the index is.
   */
  private static void assertIndexesHoldTheLatestVersions() {
    ViewStore views = new ViewStore(redis, system.config());
    for (String accountId : accounts.keySet()) {
      JsonNode index = views.read(ProviderViews.ACCOUNT_BOOKINGS, accountId).orElseThrow().body();
      for (JsonNode entry : index.get("items")) {
        long latest =
            views
                .read(ProviderViews.BOOKING, entry.get("bookingId").asText())
                .orElseThrow()
                .version();
        assertThat(entry.get("version").asLong()).as(accountId).isEqualTo(latest);
      }
    }
  }

  private static void assertPartiesSeeTheLatest(String bookingId, Client customer) {
    JsonNode booking = customer.get("/api/bookings/" + bookingId).json();
    Client provider = accounts.get(booking.get("providerId").asText());
    for (Client party : List.of(customer, provider)) {
      JsonNode mine = party.get("/api/me/bookings").json();
      assertThat(item(mine, "bookingId", bookingId)).isEqualTo(booking);
    }
  }

  /** Returns what HTTP clients read: every page, list, booking and account, with its tag. */
  private static Map<String, String> reads() {
    Map<String, String> reads = new TreeMap<>();
    Client visitor = market.visitor();
    for (String path : publicPaths()) {
      reads.put(path, bodyAndTag(visitor.get(path)));
    }
    accounts.forEach(
        (id, client) -> {
          reads.put(id + " /api/me", bodyAndTag(client.get("/api/me")));
          reads.put(id + " /api/me/bookings", bodyAndTag(client.get("/api/me/bookings")));
        });
    bookings.forEach(
        (id, customer) ->
            reads.put("/api/bookings/" + id, bodyAndTag(customer.get("/api/bookings/" + id))));
    return reads;
  }

  private static List<String> publicPaths() {
    List<String> paths = new ArrayList<>();
    paths.add("/api/categories");
    paths.add(Marketplace.listPath(Category.PLUMBING, "Cebu"));
    paths.add(Marketplace.listPath(Category.TILING, "Cebu"));
    paths.add(Marketplace.listPath(Category.ELECTRICAL, "Davao"));
    providers.forEach(provider -> paths.add("/api/providers/" + provider.id()));
    return paths;
  }

  private static String bodyAndTag(Api.Response response) {
    expect(response, 200);
    return response.header("ETag") + " " + response.body();
  }

  private static Map<String, Map<String, String>> snapshot() {
    Map<String, Map<String, String>> views = new TreeMap<>();
    for (String view : VIEWS) {
      String key = RedisClients.key(system.config(), "view:" + view);
      views.put(
          view,
          new TreeMap<>(redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap()));
    }
    return views;
  }

  private static Map<String, String> digests(Map<String, Map<String, String>> views) {
    Map<String, String> digests = new TreeMap<>();
    views.forEach((view, hash) -> digests.put(view, sha256(hash)));
    return digests;
  }

  private static long documents(Map<String, Map<String, String>> views) {
    return views.values().stream().mapToLong(Map::size).sum();
  }

  private static String sha256(Map<String, String> hash) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      hash.forEach(
          (field, value) -> {
            digest.update(field.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
          });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
