package app.fixmo.edge.jobs;

import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Bodies;
import app.fixmo.edge.http.RequestIds;
import app.fixmo.edge.http.TraceContext;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobType;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@code POST /api/jobs} and {@code GET /api/jobs/{id}}: background jobs for internal callers, who
 * send the key of {@code FIXMO_INTERNAL_API_KEY} in {@code X-Api-Key} (see {@link ApiKeyGuard}).
 *
 * <p>The routes own a producer of their own, closed when the server stops.
 */
public final class JobRoutes {

  /** Who a job submitted over HTTP names as its submitter. */
  static final String SUBMITTER = "internal-api";

  private static final Duration LONGEST_DELAY = Duration.ofDays(365);

  private final FixmoConfig config;
  private final RedissonClient redis;
  private final Clock clock;
  private final ApiKeyGuard guard;
  private final boolean diagnostics;
  private JobSubmitter submitter;

  public JobRoutes(FixmoConfig config, RedissonClient redis, Clock clock) {
    this.config = config;
    this.redis = redis;
    this.clock = clock;
    this.guard = new ApiKeyGuard(config.get(Settings.INTERNAL_API_KEY));
    this.diagnostics = config.get(Settings.DEV_MODE) || config.get(Settings.JOBS_DIAGNOSTICS);
  }

  /** Registers the routes, and closes their producer when the server stops. */
  public void install(JavalinConfig javalin) {
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            new KafkaClients(config).producer("edge-jobs"),
            new StringSerializer(),
            new ByteArraySerializer());
    submitter = new JobSubmitter(producer, redis, config);
    javalin.events.serverStopped(() -> producer.close(Duration.ofSeconds(5)));
    javalin.events.serverStartFailed(() -> producer.close(Duration.ofSeconds(5)));
    javalin.routes.post("/api/jobs", this::submit);
    javalin.routes.get("/api/jobs/{id}", this::show);
  }

  private void submit(Context ctx) {
    String caller = guard.admit(ctx);
    JobSubmission body = Bodies.read(ctx, JobSubmission.class);
    Instant now = clock.instant();
    Job job = job(ctx, validated(body, now), now);

    JobSubmitter.Submitted submitted = submitter.submit(job, caller, now);

    ctx.status(202);
    ctx.header("Location", "/api/jobs/" + submitted.jobId());
    if (submitted.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jobId", submitted.jobId());
    answer.put("state", submitted.state());
    ctx.json(answer);
  }

  private JobSubmission validated(JobSubmission body, Instant now) {
    JobType type =
        JobTypes.find(body.type(), diagnostics)
            .orElseThrow(
                () ->
                    invalid(
                        "type",
                        "unknown job type '"
                            + body.type()
                            + "'; known: "
                            + String.join(", ", JobTypes.names(diagnostics))));
    try {
      Json.read(body.payload(), type.payloadType());
    } catch (SchemaViolation e) {
      String field = e.field().isEmpty() ? "payload" : "payload." + e.field();
      throw invalid(field, e.getMessage());
    }
    if (body.runAt() != null && body.runAt().isAfter(now.plus(LONGEST_DELAY))) {
      throw invalid("runAt", "must be at most 365 days ahead");
    }
    return body;
  }

  private static Job job(Context ctx, JobSubmission body, Instant now) {
    Instant runAt = body.runAt() == null || !body.runAt().isAfter(now) ? null : body.runAt();
    return new Job(
        Ids.newId(),
        body.queue(),
        body.type(),
        body.payload(),
        1,
        runAt,
        body.idempotencyKey(),
        SUBMITTER,
        now,
        Job.SCHEMA_VERSION,
        RequestIds.of(ctx),
        TraceContext.of(ctx));
  }

  private void show(Context ctx) {
    guard.admit(ctx);
    String id = ctx.pathParam("id");
    if (id.length() > 100) {
      throw ApiException.notFound("no such job");
    }
    String key = RedisClients.key(config, JobStatus.keyName(id));
    JobStatus status =
        JobStatus.fromFields(redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap())
            .orElseThrow(() -> ApiException.notFound("no such job"));
    ctx.json(status);
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(Problem.invalidField(field, message));
  }
}
