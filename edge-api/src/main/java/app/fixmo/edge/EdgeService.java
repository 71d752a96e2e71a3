package app.fixmo.edge;

import app.fixmo.edge.accounts.AccountRoutes;
import app.fixmo.edge.accounts.AccountRoutes.LoginLimits;
import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.PasswordHasher;
import app.fixmo.edge.auth.SessionStore;
import app.fixmo.edge.bookings.BookingRoutes;
import app.fixmo.edge.dev.DevMailRoutes;
import app.fixmo.edge.dev.DevMailbox;
import app.fixmo.edge.docs.OpenApiRoutes;
import app.fixmo.edge.exports.ExportRoutes;
import app.fixmo.edge.gateway.CommandGateway;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.Bodies;
import app.fixmo.edge.http.ClientAddress;
import app.fixmo.edge.http.Etags;
import app.fixmo.edge.http.HttpMetrics;
import app.fixmo.edge.http.Problems;
import app.fixmo.edge.http.RequestIds;
import app.fixmo.edge.idempotency.IdempotencyStore;
import app.fixmo.edge.jobs.JobRoutes;
import app.fixmo.edge.limits.ApiRateLimit;
import app.fixmo.edge.limits.FixedWindowLimiter;
import app.fixmo.edge.limits.TokenBucketLimiter;
import app.fixmo.edge.ops.OpsRoutes;
import app.fixmo.edge.providers.AccountRoles;
import app.fixmo.edge.providers.DirectoryRoutes;
import app.fixmo.edge.providers.ProviderRoutes;
import app.fixmo.edge.requests.RequestRoutes;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.health.Health;
import app.fixmo.platform.health.KafkaHealthCheck;
import app.fixmo.platform.health.RedisHealthCheck;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.requests.RequestStatusStore;
import app.fixmo.platform.service.Service;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.JsonSerde;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.api.RedissonClient;

/**
 * The HTTP edge: authenticates, rate-limits and validates, turns every write into a command on
 * Kafka and serves every read from the Redis cache. It keeps no state of its own, so any number of
 * edges can run behind a load balancer.
 */
public final class EdgeService implements Service {

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  private final FixmoConfig config;
  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private RedissonClient redis;
  private KafkaProducer<String, Command> producer;
  private KafkaClientMetrics producerMetrics;
  private Admin admin;
  private Health health;
  private CommandGateway gateway;
  private Javalin app;
  private DevMailbox devMailbox;

  public EdgeService(FixmoConfig config, PrometheusMeterRegistry registry, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Shows an in-process mailbox at {@code GET /dev/mail} ({@code fixmo dev}); the route exists only
   * in dev mode. Call before {@link #start()}.
   */
  public EdgeService withDevMailbox(DevMailbox mailbox) {
    this.devMailbox = mailbox;
    return this;
  }

  @Override
  public String name() {
    return "edge-api";
  }

  @Override
  public void start() {
    KafkaClients kafka = new KafkaClients(config);
    redis = RedisClients.create(config);
    producer =
        new KafkaProducer<>(
            kafka.producer("edge"),
            new StringSerializer(),
            JsonSerde.of(Command.class).serializer());
    producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(registry);
    admin = Admin.create(kafka.admin("edge-health"));
    health =
        new Health(
            List.of(
                new KafkaHealthCheck(admin, HEALTH_TIMEOUT),
                new RedisHealthCheck(redis, HEALTH_TIMEOUT)),
            HEALTH_TIMEOUT);
    RequestStatusStore statuses = new RequestStatusStore(redis, config);
    gateway = new CommandGateway(producer, kafka, statuses, clock);
    gateway.start();
    app = Javalin.create(javalin -> configure(javalin, statuses));
    app.start(config.get(Settings.HTTP_PORT));
  }

  /** Returns the port the edge listens on (useful when configured as 0). */
  public int port() {
    return app.port();
  }

  /**
   * Returns every HTTP route of the API the edge serves, as {@code METHOD /path}, for the OpenAPI
   * check. The developer routes under {@code /dev/} are left out: they exist only under {@code
   * fixmo dev}, are no part of the API, and openapi.json does not describe them.
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .filter(endpoint -> !endpoint.path.startsWith(DevMailRoutes.PREFIX))
        .map(endpoint -> endpoint.method + " " + endpoint.path)
        .toList();
  }

  private void configure(JavalinConfig javalin, RequestStatusStore statuses) {
    javalin.concurrency.useVirtualThreads = true;
    javalin.http.maxRequestSize = Bodies.MAX_BYTES;
    javalin.startup.showJavalinBanner = false;
    javalin.jsonMapper(new JavalinJackson(Json.mapper(), true));

    var routes = javalin.routes;
    routes.before(RequestIds::assign);
    Etags.install(routes);
    new HttpMetrics(registry).install(routes);
    apiRateLimit().install(routes);
    routes.after(RequestIds::clear);
    Problems.install(routes);

    SessionStore sessions = new SessionStore(redis, config, clock);
    Authenticator authenticator = new Authenticator(sessions);
    accountRoutes(sessions, authenticator).install(routes);
    installMarketplace(routes, authenticator);
    new RequestRoutes(statuses, authenticator).install(routes);
    new JobRoutes(config, redis, clock).install(javalin);
    new ExportRoutes(config, redis, clock, authenticator).install(javalin);
    new OpsRoutes(health, registry).install(routes);
    new OpenApiRoutes().install(routes);
    if (devMailbox != null && config.get(Settings.DEV_MODE)) {
      new DevMailRoutes(devMailbox).install(routes);
    }
  }

  private ApiRateLimit apiRateLimit() {
    TokenBucketLimiter limiter =
        new TokenBucketLimiter(
            redis,
            config,
            "api",
            config.get(Settings.API_RATE_PER_S),
            config.get(Settings.API_BURST),
            clock);
    return new ApiRateLimit(limiter, new ClientAddress(config.get(Settings.TRUSTED_PROXIES)));
  }

  private void installMarketplace(RoutesConfig routes, Authenticator authenticator) {
    ViewStore views = new ViewStore(redis, config);
    AccountRoles roles = new AccountRoles(views);
    Writes writes = writes();
    new DirectoryRoutes(views).install(routes);
    new ProviderRoutes(writes, authenticator, roles).install(routes);
    new BookingRoutes(writes, authenticator, roles, views).install(routes);
  }

  private Writes writes() {
    return new Writes(
        gateway,
        new IdempotencyStore(redis, config),
        new ClientAddress(config.get(Settings.TRUSTED_PROXIES)),
        clock,
        Duration.ofMillis(config.get(Settings.EDGE_WAIT_MS)),
        Duration.ofMillis(config.get(Settings.EDGE_MAX_WAIT_MS)),
        config.get(Settings.EDGE_MAX_WRITES_IN_FLIGHT));
  }

  private AccountRoutes accountRoutes(SessionStore sessions, Authenticator authenticator) {
    Writes writes = writes();
    PasswordHasher hasher =
        new PasswordHasher(
            config.get(Settings.ARGON2_MEMORY_KIB), config.get(Settings.ARGON2_ITERATIONS));
    int attempts = config.get(Settings.LOGIN_ATTEMPTS_PER_MINUTE);
    Duration minute = Duration.ofMinutes(1);
    LoginLimits limits =
        new LoginLimits(
            new FixedWindowLimiter(redis, config, "login-address", attempts, minute),
            new FixedWindowLimiter(redis, config, "login-email", attempts, minute));
    return new AccountRoutes(
        writes,
        hasher,
        sessions,
        authenticator,
        new ViewStore(redis, config),
        new ClientAddress(config.get(Settings.TRUSTED_PROXIES)),
        limits,
        !config.get(Settings.DEV_MODE));
  }

  /** Stops taking requests, lets those in flight finish, then closes the clients. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (producer != null) {
      producerMetrics.close();
      producer.close(Duration.ofSeconds(5));
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
    if (health != null) {
      health.close();
    }
    if (redis != null) {
      redis.shutdown();
    }
  }
}
