package app.fixmo.platform.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a service's health checks side by side, each bounded by a short timeout, so that a
 * dependency that hangs makes the service unready quickly instead of hanging the probe.
 */
public final class Health implements AutoCloseable {

  private final List<HealthCheck> checks;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  public Health(List<HealthCheck> checks, Duration timeout) {
    this.checks = List.copyOf(checks);
    this.timeout = timeout;
  }

  /** The result of one round of checks. */
  public record Report(boolean up, Map<String, String> checks) {}

  /** Runs every check and reports; a check that fails or times out reports why. */
  public Report report() {
    Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
    for (HealthCheck check : checks) {
      running.put(check.name(), CompletableFuture.supplyAsync(() -> run(check), executor));
    }
    Map<String, String> results = new LinkedHashMap<>();
    running.forEach((name, future) -> results.put(name, await(future)));
    boolean up = results.values().stream().allMatch("up"::equals);
    return new Report(up, results);
  }

  private static String run(HealthCheck check) {
    try {
      check.probe();
      return "up";
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return "down: " + reason;
    }
  }

  private String await(CompletableFuture<String> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return "down: no answer within " + timeout.toMillis() + " ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "down: interrupted";
    } catch (java.util.concurrent.ExecutionException e) {
      return "down: " + e.getCause();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
