package app.fixmo.system;

import static app.fixmo.system.Marketplace.eventually;
import static app.fixmo.system.Marketplace.expect;
import static app.fixmo.system.Marketplace.expectProblem;
import static app.fixmo.system.Marketplace.move;
import static app.fixmo.system.Marketplace.review;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.providers.Category;
import app.fixmo.system.Marketplace.Client;
import app.fixmo.system.Marketplace.Provider;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** A provider's bookings as CSV, through HTTP: asked for, built by a worker, downloaded. */
@WithKafkaAndRedis
class ExportsIT {

  private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
  private static final String EXPORTS = "/api/me/exports";

  private static FixmoSystem system;
  private static Marketplace market;
  private static RedissonClient redis;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance instance, TestNamespace namespace)
      throws Exception {
    system = FixmoSystem.start(broker, instance.url(), namespace, Map.of());
    market = new Marketplace(system.api());
    redis = RedisClients.create(system.config());
  }

  @AfterAll
  static void stopSystem() {
    redis.shutdown();
    system.close();
  }

  @Test
  void aProviderDownloadsEveryOneOfItsBookingsOnceTheExportIsReady() throws IOException {
    Provider provider = market.provider("Exporter", "Manila", Category.PLUMBING, "Asia/Manila");
    Client ana = market.customer("Ana");
    Client ben = market.customer("Ben");
    String tricky = "Gate code 4411, ask for \"Lola\" at the store\nthen up the stairs";
    String first = booked(ana, provider, Marketplace.at(MANILA, 2, 9), "first visit");
    String second = booked(ben, provider, Marketplace.at(MANILA, 2, 11), tricky);
    String third = booked(ana, provider, Marketplace.at(MANILA, 3, 14), "bring a ladder");
    expect(move(provider.client(), first, "start"), 200);
    expect(move(provider.client(), first, "complete"), 200);
    expect(review(ana, first, 5, "Neat, and on time."), 201);
    awaitIndexed(provider, 3);

    var requested = provider.client().post(EXPORTS, Map.of());

    expect(requested, 202);
    String exportId = requested.json().get("exportId").asText();
    assertThat(requested.header("Location")).isEqualTo(EXPORTS + "/" + exportId);
    JsonNode ready = awaitReady(provider.client(), exportId);
    assertThat(ready.get("rows").asInt()).isEqualTo(3);
    var download = provider.client().get(ready.get("download").asText());
    expect(download, 200);
    assertThat(download.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(download.header("Content-Disposition"))
        .startsWith("attachment; filename=\"fixmo-bookings-")
        .endsWith("-" + exportId + ".csv\"");
    byte[] bytes = download.body().getBytes(StandardCharsets.UTF_8);
    assertThat(ready.get("bytes").asInt()).isEqualTo(bytes.length);

    List<Map<String, String>> rows = rows(download.body());
    assertThat(rows).extracting(row -> row.get("booking_id")).containsExactly(third, second, first);
    Map<String, String> tricked = rows.get(1);
    assertThat(tricked.get("notes")).isEqualTo(tricky);
    assertThat(tricked.get("customer_id")).isEqualTo(ben.accountId());
    assertThat(tricked.get("status")).isEqualTo("confirmed");
    assertThat(tricked.get("rating")).isEmpty();
    assertThat(tricked.get("start_local")).endsWith("T11:00:00+08:00");
    assertThat(tricked.get("start_utc")).endsWith("T03:00:00Z");
    assertThat(tricked.get("time_zone")).isEqualTo("Asia/Manila");
    Map<String, String> reviewed = rows.get(2);
    assertThat(reviewed.get("status")).isEqualTo("completed");
    assertThat(reviewed.get("rating")).isEqualTo("5");
    assertThat(reviewed.get("review_comment")).isEqualTo("Neat, and on time.");
    assertThat(reviewed.get("customer_name")).isEqualTo("Ana");
  }

  @Test
  void anExportIsKeptInRedisForADay() {
    Provider provider = market.provider("Keeper", "Manila", Category.TILING, "Asia/Manila");

    String exportId = requestExport(provider.client());
    JsonNode ready = awaitReady(provider.client(), exportId);

    Instant readyAt = Instant.parse(ready.get("readyAt").asText());
    assertThat(Instant.parse(ready.get("expiresAt").asText()))
        .isEqualTo(readyAt.plus(Duration.ofDays(1)));
    Duration aDayLessAMinute = Duration.ofDays(1).minusMinutes(1);
    assertThat(ttl(exportKey(exportId))).isBetween(aDayLessAMinute, Duration.ofDays(1));
    assertThat(ttl(exportKey(exportId) + ":csv")).isBetween(aDayLessAMinute, Duration.ofDays(1));
  }

  @Test
  void onlyTheProviderWhoAskedMaySeeOrDownloadItsExport() {
    Provider owner = market.provider("Owner", "Manila", Category.ELECTRICAL, "Asia/Manila");
    Provider other = market.provider("Other", "Manila", Category.ELECTRICAL, "Asia/Manila");
    Client customer = market.customer("Curious");
    Client visitor = market.visitor();
    String exportId = requestExport(owner.client());
    String status = EXPORTS + "/" + exportId;
    String csv = status + "/bookings.csv";
    awaitReady(owner.client(), exportId);

    expectProblem(other.client().get(status), 404, "not-found");
    expectProblem(other.client().get(csv), 404, "not-found");
    expectProblem(customer.get(status), 404, "not-found");
    expectProblem(customer.get(csv), 404, "not-found");
    expectProblem(visitor.get(csv), 401, "unauthorized");
    expectProblem(owner.client().get(EXPORTS + "/no-such-export"), 404, "not-found");
    expectProblem(owner.client().get(EXPORTS + "/" + UUID.randomUUID()), 404, "not-found");
    expectProblem(customer.post(EXPORTS, Map.of()), 403, "forbidden");
    expectProblem(visitor.post(EXPORTS, Map.of()), 401, "unauthorized");
    expect(owner.client().get(csv), 200);
  }

  @Test
  void aCookieWriteFromAnotherSiteNeedsTheCsrfToken() {
    Provider provider = market.provider("Cookied", "Manila", Category.PAINTING, "Asia/Manila");
    Client client = provider.client();
    Api api = system.api();

    var withoutToken =
        api.post(EXPORTS, "{}", "Cookie", client.cookie(), "X-Forwarded-For", client.address());
    var withToken =
        api.post(
            EXPORTS,
            "{}",
            "Cookie",
            client.cookie(),
            "X-CSRF-Token",
            client.csrfToken(),
            "X-Forwarded-For",
            client.address());

    expectProblem(withoutToken, 403, "forbidden");
    expect(withToken, 202);
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersWithTheFirstExport() {
    Provider provider = market.provider("Repeater", "Manila", Category.WELDING, "Asia/Manila");
    String[] headers = headers(provider.client(), "Idempotency-Key", "export-once");

    var first = system.api().post(EXPORTS, "{}", headers);
    var again = system.api().post(EXPORTS, "{}", headers);
    var otherBody = system.api().post(EXPORTS, "", headers);

    expect(first, 202);
    expect(again, 202);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("exportId").asText())
        .isEqualTo(first.json().get("exportId").asText());
    expectProblem(otherBody, 422, "validation");
    assertThat(otherBody.json().get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
  }

  @Test
  void aFieldInTheBodyIsRefusedByName() {
    Provider provider = market.provider("Fielder", "Manila", Category.CARPENTRY, "Asia/Manila");

    var answer = provider.client().post(EXPORTS, Map.of("status", "completed"));

    expectProblem(answer, 422, "validation");
    assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
  }

  @Test
  void theEleventhExportInAnHourIsRefusedWith429() {
    Provider provider = market.provider("Hasty", "Manila", Category.MASONRY, "Asia/Manila");
    for (int i = 0; i < 10; i++) {
      expect(provider.client().post(EXPORTS, Map.of()), 202);
    }

    var eleventh = provider.client().post(EXPORTS, Map.of());

    expectProblem(eleventh, 429, "too-many-exports");
    assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(eleventh.header("RateLimit-Limit")).isEqualTo("10");
    assertThat(eleventh.header("RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void beforeItIsBuiltTheDownloadIs409AndAnExportWhoseJobDiedHasFailed() {
    Provider provider = market.provider("Waiter", "Manila", Category.AIRCON, "Asia/Manila");
    system.stopWorkers();
    try {
      String exportId = requestExport(provider.client());
      String status = EXPORTS + "/" + exportId;
      String csv = status + "/bookings.csv";

      assertThat(provider.client().get(status).json().get("state").asText()).isEqualTo("pending");
      var early = provider.client().get(csv);
      expectProblem(early, 409, "export-not-ready");
      assertThat(early.header("Retry-After")).isEqualTo("2");

      diedAfterItsLastAttempt(exportId);
      var failed = provider.client().get(status);
      expect(failed, 200);
      assertThat(failed.json().get("state").asText()).isEqualTo("failed");
      assertThat(failed.json().has("download")).isFalse();
      expectProblem(provider.client().get(csv), 409, "export-failed");
    } finally {
      system.startWorkers();
    }
  }

  /** Books with the given notes, expecting a confirmed booking; returns its id. */
  private static String booked(Client customer, Provider provider, Instant start, String notes) {
    Map<String, Object> body = new LinkedHashMap<>(Marketplace.bookingOf(provider, start));
    body.put("notes", notes);
    var booking = customer.post("/api/bookings", body);
    expect(booking, 201);
    return booking.json().get("bookingId").asText();
  }

  /** Waits until the provider's booking index, which the export reads, lists every booking. */
  private static void awaitIndexed(Provider provider, int bookings) {
    eventually()
        .untilAsserted(
            () ->
                assertThat(provider.client().get("/api/me/bookings").json().get("total").asInt())
                    .isEqualTo(bookings));
  }

  private static String requestExport(Client provider) {
    var requested = provider.post(EXPORTS, Map.of());
    expect(requested, 202);
    assertThat(requested.json().get("state").asText()).isEqualTo("pending");
    return requested.json().get("exportId").asText();
  }

  private static JsonNode awaitReady(Client provider, String exportId) {
    return eventually()
        .until(
            () -> provider.get(EXPORTS + "/" + exportId).json(),
            status -> status.get("state").asText().equals("ready"));
  }

  /** Writes the job status the workers write when a job's last attempt failed. */
  private static void diedAfterItsLastAttempt(String exportId) {
    Instant now = Instant.now();
    JobStatus dead =
        new JobStatus(
            exportId,
            JobTypes.DEFAULT_QUEUE,
            JobTypes.BOOKINGS_EXPORT,
            JobStatus.State.DEAD,
            JobTypes.EXPORT_RETRIES.maxAttempts(),
            "the view cache did not answer",
            now.minusSeconds(30),
            null,
            now.minusSeconds(1),
            now);
    String key = RedisClients.key(system.config(), JobStatus.keyName(exportId));
    redis.<String, String>getMap(key, StringCodec.INSTANCE).putAll(dead.toFields());
  }

  private static String[] headers(Client client, String... more) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "X-Forwarded-For", client.address(), "Authorization", "Bearer " + client.token()));
    headers.addAll(List.of(more));
    return headers.toArray(String[]::new);
  }

  private static String exportKey(String exportId) {
    return RedisClients.key(system.config(), "export:{" + exportId + "}");
  }

  private static Duration ttl(String key) {
    return Duration.ofMillis(redis.getKeys().remainTimeToLive(key));
  }

  private static List<Map<String, String>> rows(String csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> lines;
    try (MappingIterator<String[]> read = mapper.readerFor(String[].class).readValues(csv)) {
      lines = read.readAll();
    }
    List<String> header = List.of(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String[] line : lines.subList(1, lines.size())) {
      assertThat(line).hasSameSizeAs(header.toArray());
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), line[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
