package app.fixmo.edge.ops;

import app.fixmo.platform.health.Health;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** Health for load balancers and probes, and metrics for Prometheus. */
public final class OpsRoutes {

  private final Health health;
  private final PrometheusMeterRegistry registry;

  public OpsRoutes(Health health, PrometheusMeterRegistry registry) {
    this.health = health;
    this.registry = registry;
  }

  /** Registers the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/health", this::ready);
    routes.get("/api/health/ready", this::ready);
    routes.get("/api/health/live", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/api/metrics", this::metrics);
  }

  private void ready(Context ctx) {
    Health.Report report = health.report();
    ctx.status(report.up() ? 200 : 503);
    ctx.json(Map.of("status", report.up() ? "up" : "down", "checks", report.checks()));
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }
}
