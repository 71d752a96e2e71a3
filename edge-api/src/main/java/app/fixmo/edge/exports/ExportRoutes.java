package app.fixmo.edge.exports;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.RequestIds;
import app.fixmo.edge.http.TraceContext;
import app.fixmo.edge.idempotency.FirstRequest;
import app.fixmo.edge.idempotency.IdempotencyStore;
import app.fixmo.edge.idempotency.IdempotentWrite;
import app.fixmo.edge.jobs.JobSubmitter;
import app.fixmo.edge.limits.FixedWindowLimiter;
import app.fixmo.edge.providers.AccountRoles;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingsExport;
import app.fixmo.schemas.json.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's bookings as a CSV file: {@code POST /api/me/exports} asks for one, which a worker
 * builds ({@code export.bookings-csv}); {@code GET /api/me/exports/{id}} tells where it stands and
 * {@code GET /api/me/exports/{id}/bookings.csv} downloads it once ready. An export is kept a day
 * and shown only to the provider who asked for it: anyone else gets the 404 of an unknown id.
 *
 * <p>The routes own a producer of their own, closed when the server stops.
 */
public final class ExportRoutes {

  /** How many exports a provider may ask for in an hour: each is kept in Redis for a day. */
  static final int EXPORTS_PER_HOUR = 10;

  /** What a client waits before asking again for an export that is not built yet. */
  static final String RETRY_AFTER_SECONDS = "2";

  private static final Logger log = LoggerFactory.getLogger(ExportRoutes.class);
  private static final String PROVIDERS_ONLY = "only providers have bookings to export";
  private static final Problem TOO_MANY_EXPORTS =
      Problem.of(
          429,
          "too-many-exports",
          "Too many requests",
          "at most " + EXPORTS_PER_HOUR + " exports an hour; try again later");
  // Export ids are UUIDs, so any other id is answered 404 without asking Redis.
  private static final Pattern EXPORT_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

  private final FixmoConfig config;
  private final RedissonClient redis;
  private final Clock clock;
  private final Authenticator authenticator;
  private final AccountRoles roles;
  private final ExportRecords records;
  private final IdempotencyStore idempotency;
  private final FixedWindowLimiter limiter;
  private JobSubmitter submitter;

  public ExportRoutes(
      FixmoConfig config, RedissonClient redis, Clock clock, Authenticator authenticator) {
    this.config = config;
    this.redis = redis;
    this.clock = clock;
    this.authenticator = authenticator;
    this.roles = new AccountRoles(new ViewStore(redis, config));
    this.records = new ExportRecords(redis, config);
    this.idempotency = new IdempotencyStore(redis, config);
    this.limiter =
        new FixedWindowLimiter(redis, config, "exports", EXPORTS_PER_HOUR, Duration.ofHours(1));
  }

  /** Returns the path the CSV of an export is downloaded from. */
  static String csvPath(String exportId) {
    return statusPath(exportId) + "/bookings.csv";
  }

  private static String statusPath(String exportId) {
    return "/api/me/exports/" + exportId;
  }

  /** Registers the routes, and closes their producer when the server stops. */
  public void install(JavalinConfig javalin) {
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            new KafkaClients(config).producer("edge-exports"),
            new StringSerializer(),
            new ByteArraySerializer());
    submitter = new JobSubmitter(producer, redis, config);
    javalin.events.serverStopped(() -> producer.close(Duration.ofSeconds(5)));
    javalin.events.serverStartFailed(() -> producer.close(Duration.ofSeconds(5)));
    javalin.routes.post("/api/me/exports", this::request);
    javalin.routes.get("/api/me/exports/{id}", this::show);
    javalin.routes.get("/api/me/exports/{id}/bookings.csv", this::download);
  }

  private void request(Context ctx) {
    Caller provider = authenticator.requireForWrite(ctx);
    roles.require(provider, Role.PROVIDER, PROVIDERS_ONLY);
    ExportRequest.requireNoFields(ctx);
    Optional<IdempotentWrite> idempotent = IdempotentWrite.of(ctx, provider.actor());
    Optional<FirstRequest> first = idempotent.flatMap(idempotency::find);
    if (first.isPresent()) {
      replay(ctx, idempotent.get(), first.get());
      return;
    }
    limiter.hit(provider.accountId()).enforce(ctx, TOO_MANY_EXPORTS);

    create(ctx, provider, idempotent);
  }

  /**
   * Records the export as the provider's, then submits its job. The record comes first, so the
   * worker always finds its owner; if the job cannot be submitted, the record and the key go.
   */
  private void create(Context ctx, Caller provider, Optional<IdempotentWrite> idempotent) {
    Instant now = clock.instant();
    UUID exportId = Ids.newId();
    String id = exportId.toString();
    ExportRecord pending = records.createPending(id, provider.accountId(), now);
    if (idempotent.isPresent()) {
      // A key's first request is named by its export's id: what every repeat answers with.
      Optional<FirstRequest> earlier = idempotency.claim(idempotent.get(), id);
      if (earlier.isPresent()) {
        records.forget(id);
        replay(ctx, idempotent.get(), earlier.get());
        return;
      }
    }

    try {
      submitter.submit(job(ctx, exportId, provider, now), provider.actor(), now);
    } catch (RuntimeException e) {
      records.forget(id);
      idempotent.ifPresent(idempotency::release);
      throw e;
    }
    log.info("export {} requested by provider {}", id, provider.accountId());
    // Just written and not yet built: answered as written, without reading it back.
    accepted(ctx, ExportView.of(pending, Optional.empty()));
  }

  /** Answers a repeated key with the export its first request made, as it stands now. */
  private void replay(Context ctx, IdempotentWrite repeat, FirstRequest first) {
    first.requireSameAs(repeat);
    ExportView view =
        records
            .find(first.requestId())
            .map(ExportRecords.Found::view)
            .orElseThrow(ExportRoutes::firstExportGone);
    ctx.header(Writes.REPLAYED_HEADER, "true");
    accepted(ctx, view);
  }

  private static Job job(Context ctx, UUID exportId, Caller provider, Instant now) {
    BookingsExport payload = new BookingsExport(exportId.toString(), provider.accountId());
    return new Job(
        exportId,
        JobTypes.DEFAULT_QUEUE,
        JobTypes.BOOKINGS_EXPORT,
        Json.toTree(payload),
        1,
        null,
        null,
        provider.actor(),
        now,
        Job.SCHEMA_VERSION,
        RequestIds.of(ctx),
        TraceContext.of(ctx));
  }

  private static void accepted(Context ctx, ExportView view) {
    ctx.status(202);
    ctx.header("Location", statusPath(view.exportId()));
    ctx.json(view);
  }

  private void show(Context ctx) {
    Caller caller = authenticator.require(ctx);
    ctx.json(visible(caller, ctx.pathParam("id")).view());
  }

  private void download(Context ctx) {
    Caller caller = authenticator.require(ctx);
    ExportRecords.Found found = visible(caller, ctx.pathParam("id"));
    String exportId = found.record().exportId();
    switch (found.state()) {
      case PENDING -> throw notReady(exportId);
      case FAILED -> throw failed(exportId);
      case READY -> {
        byte[] csv = records.csv(exportId).orElseThrow(() -> noSuchExport(exportId));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(found) + "\"");
        // An export never changes once built, so its id alone is a strong tag for its bytes.
        ctx.header("ETag", "\"export-" + exportId + "\"");
        ctx.header("Cache-Control", "private");
        ctx.result(csv);
      }
    }
  }

  /** Returns an export the caller may see; the same 404 for any other id, so ids tell nothing. */
  private ExportRecords.Found visible(Caller caller, String exportId) {
    if (!EXPORT_ID.matcher(exportId).matches()) {
      throw ApiException.notFound("no such export");
    }
    return records
        .find(exportId)
        .filter(found -> found.record().isVisibleTo(caller.accountId()))
        .orElseThrow(() -> noSuchExport(exportId));
  }

  private static String fileName(ExportRecords.Found found) {
    ExportRecord record = found.record();
    return "fixmo-bookings-"
        + FILE_DATE.format(record.requestedAt())
        + "-"
        + record.exportId()
        + ".csv";
  }

  private static ApiException noSuchExport(String exportId) {
    return ApiException.notFound("no export " + exportId);
  }

  private static ApiException notReady(String exportId) {
    Problem problem =
        Problem.conflict(
            "export-not-ready",
            "export " + exportId + " is still being built; try again in a few seconds");
    return new ApiException(problem, Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }

  private static ApiException failed(String exportId) {
    return new ApiException(
        Problem.conflict(
            "export-failed", "export " + exportId + " could not be built; ask for a new one"));
  }

  // Only when the key's first export expired (it was never built, and its day is up) while the key
  // itself, kept as long, had not yet.
  private static ApiException firstExportGone() {
    return new ApiException(
        Problem.conflict(
            "idempotency-outcome-expired",
            "the export first asked for with this Idempotency-Key is no longer kept; "
                + "use a new key"));
  }
}
