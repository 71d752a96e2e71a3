package app.fixmo.platform.service;

import app.fixmo.platform.health.Health;
import app.fixmo.schemas.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small HTTP port every service but the edge serves: {@code /health/live}, {@code
 * /health/ready} and {@code /metrics} (Prometheus text). Uses the JDK's own server, so a worker
 * carries no web framework.
 */
public final class AdminServer implements Service {

  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final String service;
  private final int port;
  private final Health health;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public AdminServer(String service, int port, Health health, PrometheusMeterRegistry registry) {
    this.service = service;
    this.port = port;
    this.health = health;
    this.registry = registry;
  }

  @Override
  public String name() {
    return service + "-admin";
  }

  @Override
  public void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health/live", exchange -> live(exchange));
    server.createContext("/health/ready", exchange -> ready(exchange));
    server.createContext("/metrics", exchange -> metrics(exchange));
    server.start();
    log.info("{} admin port listening on {}", service, port());
  }

  /** Returns the port actually bound (useful when configured as 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void live(HttpExchange exchange) throws IOException {
    send(exchange, 200, "application/json", Json.toText(Map.of("status", "up")));
  }

  private void ready(HttpExchange exchange) throws IOException {
    Health.Report report = health.report();
    String body =
        Json.toText(Map.of("status", report.up() ? "up" : "down", "checks", report.checks()));
    send(exchange, report.up() ? 200 : 503, "application/json", body);
  }

  private void metrics(HttpExchange exchange) throws IOException {
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
