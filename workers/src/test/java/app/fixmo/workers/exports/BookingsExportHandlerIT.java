package app.fixmo.workers.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingsExport;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.AccountBookings;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.schemas.providers.ProviderViews.Step;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.jobs.JobRejected;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The export job on a real Redis: what it reads, what it stores, and that a rerun stores it once.
 */
@WithKafkaAndRedis
class BookingsExportHandlerIT {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
  private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");
  private static final AtomicInteger PROVIDERS = new AtomicInteger();

  private FixmoConfig config;
  private RedissonClient redis;
  private ViewStore views;
  private String providerId;
  private final AtomicInteger versions = new AtomicInteger();

  @BeforeEach
  void connect(RedisInstance instance, TestNamespace namespace) {
    config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", instance.url(), "FIXMO_NAMESPACE", namespace.value()));
    redis = RedisClients.create(config);
    views = new ViewStore(redis, config);
    providerId = "p" + PROVIDERS.incrementAndGet();
  }

  @AfterEach
  void disconnect() {
    redis.shutdown();
  }

  @Test
  void storesTheCsvOfEveryIndexedBookingMarkedReadyForADay() throws Exception {
    page("Asia/Manila");
    customer("c1", "Ana Reyes");
    indexed(booking("b1", "c1", 1, "first"), booking("b2", "c1", 2, "second"));
    String exportId = Ids.newText();

    handler(NOW).handle(job(exportId));

    Map<String, String> record = record(exportId);
    assertThat(record)
        .containsEntry("exportId", exportId)
        .containsEntry("providerId", providerId)
        .containsEntry("state", "ready")
        .containsEntry("rows", "2")
        .containsEntry("readyAt", NOW.toString())
        .containsEntry("expiresAt", NOW.plus(Duration.ofHours(24)).toString());
    String csv = csv(exportId);
    assertThat(record).containsEntry("bytes", Integer.toString(csv.length()));
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv.split("\r\n")[1])
        .startsWith(providerId + "-b2,confirmed,")
        .contains(",Ana Reyes,");
    assertThat(csv.split("\r\n")[1]).contains("2026-12-07T08:00:00+08:00");
    assertThat(csv.split("\r\n")[2]).startsWith(providerId + "-b1,");
    assertThat(ttl(exportId)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
  }

  @Test
  void aSecondRunKeepsTheFirstResult() throws Exception {
    page("UTC");
    indexed(booking("b1", "c1", 1, "as first built"));
    String exportId = Ids.newText();
    handler(NOW).handle(job(exportId));
    String first = csv(exportId);

    indexed(booking("b1", "c1", 1, "changed since"), booking("b2", "c1", 2, "new since"));
    handler(NOW.plus(Duration.ofMinutes(5))).handle(job(exportId));

    assertThat(csv(exportId)).isEqualTo(first).contains("as first built");
    assertThat(record(exportId))
        .containsEntry("rows", "1")
        .containsEntry("readyAt", NOW.toString());
  }

  @Test
  void aSaveRacingAnEarlierBuildOfTheSameExportKeepsTheEarlierOne() {
    ExportStore store = new ExportStore(redis, config);
    String exportId = Ids.newText();
    Instant later = NOW.plusSeconds(30);

    var first = store.save(new ExportStore.Built(exportId, providerId, NOW, NOW, 1, "a\r\n"));
    var second = store.save(new ExportStore.Built(exportId, providerId, NOW, later, 2, "b\r\n"));

    assertThat(first).isEqualTo(ExportStore.Saved.WRITTEN);
    assertThat(second).isEqualTo(ExportStore.Saved.BUILT_BEFORE);
    assertThat(csv(exportId)).isEqualTo("a\r\n");
    assertThat(record(exportId)).containsEntry("readyAt", NOW.toString());
  }

  @Test
  void aProviderWithoutBookingsGetsTheHeaderAlone() throws Exception {
    String exportId = Ids.newText();

    handler(NOW).handle(job(exportId));

    assertThat(record(exportId)).containsEntry("state", "ready").containsEntry("rows", "0");
    assertThat(csv(exportId)).isEqualTo(String.join(",", BookingsCsv.COLUMNS) + "\r\n");
  }

  @Test
  void aBookingTheIndexNamesButTheCacheLacksFailsTheAttemptAndStoresNothing() {
    Booking missing = booking("b-missing", "c1", 1, "");
    views.apply(document(ProviderViews.ACCOUNT_BOOKINGS, providerId, 1, index(missing)));
    String exportId = Ids.newText();

    assertThatThrownBy(() -> handler(NOW).handle(job(exportId)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("b-missing");
    assertThat(record(exportId)).isEmpty();
  }

  @Test
  void anExportRecordedForAnotherProviderIsRejectedAndLeftAlone() {
    String exportId = Ids.newText();
    Map<String, String> others = Map.of("providerId", "someone-else", "state", "pending");
    redis.<String, String>getMap(hashKey(exportId), StringCodec.INSTANCE).putAll(others);

    assertThatThrownBy(() -> handler(NOW).handle(job(exportId)))
        .isInstanceOf(JobRejected.class)
        .hasMessageContaining("another provider");
    assertThat(record(exportId)).isEqualTo(others);
    assertThat(csv(exportId)).isNull();
  }

  private BookingsExportHandler handler(Instant now) {
    return new BookingsExportHandler(redis, config, Clock.fixed(now, ZoneOffset.UTC));
  }

  private Job job(String exportId) {
    return new Job(
        UUID.fromString(exportId),
        JobTypes.DEFAULT_QUEUE,
        JobTypes.BOOKINGS_EXPORT,
        Json.toTree(new BookingsExport(exportId, providerId)),
        1,
        null,
        null,
        "account:" + providerId,
        NOW.minusSeconds(1),
        Job.SCHEMA_VERSION,
        "r-" + exportId,
        null);
  }

  private void page(String timeZone) {
    var page = JsonNodeFactory.instance.objectNode().put("timeZone", timeZone);
    views.apply(new ViewDocument(ProviderViews.PROVIDER_PAGE, providerId, 1, NOW, "r-page", page));
  }

  private void customer(String id, String name) {
    var account = new AccountViews.Account(id, id + "@example.com", name, Role.CUSTOMER, "Manila");
    views.apply(document(AccountViews.ACCOUNT, id, 1, account));
  }

  /** Stores the bookings and the provider's index of them, each a version newer than before. */
  private void indexed(Booking... bookings) {
    for (Booking booking : bookings) {
      views.apply(document(ProviderViews.BOOKING, booking.bookingId(), version(), booking));
    }
    views.apply(document(ProviderViews.ACCOUNT_BOOKINGS, providerId, version(), index(bookings)));
  }

  private AccountBookings index(Booking... bookings) {
    List<BookingEntry> entries = new ArrayList<>();
    for (Booking booking : bookings) {
      entries.add(0, BookingEntry.of(booking));
    }
    return new AccountBookings(providerId, entries);
  }

  private long version() {
    return versions.incrementAndGet();
  }

  private Booking booking(String id, String customerId, int bookedMinute, String notes) {
    Instant bookedAt = NOW.plus(Duration.ofMinutes(bookedMinute));
    // Booking ids are unique per provider, as the test's documents share one namespace.
    return new Booking(
        providerId + "-" + id,
        providerId,
        customerId,
        "l1",
        "Leak and clog repair",
        START,
        START.plus(Duration.ofHours(1)),
        BookingStatus.CONFIRMED,
        "12 Mabini Street",
        notes,
        List.of(new Step(BookingStatus.CONFIRMED, bookedAt, "account:" + customerId, null)),
        null,
        1);
  }

  private static ViewDocument document(String view, String id, long version, Object body) {
    return new ViewDocument(view, id, version, NOW, "r-" + id, Json.toTree(body));
  }

  private Map<String, String> record(String exportId) {
    return redis.<String, String>getMap(hashKey(exportId), StringCodec.INSTANCE).readAllMap();
  }

  private String csv(String exportId) {
    return redis.<String>getBucket(hashKey(exportId) + ":csv", StringCodec.INSTANCE).get();
  }

  private Duration ttl(String exportId) {
    return Duration.ofMillis(redis.getBucket(hashKey(exportId) + ":csv").remainTimeToLive());
  }

  private String hashKey(String exportId) {
    return RedisClients.key(config, "export:{" + exportId + "}");
  }
}
