package app.fixmo.workers;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.health.Health;
import app.fixmo.platform.health.KafkaHealthCheck;
import app.fixmo.platform.health.RedisHealthCheck;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.platform.service.AdminServer;
import app.fixmo.platform.service.ServiceRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/** Runs the workers as a process of their own, with health and metrics on the admin port. */
public final class WorkersMain {

  private WorkersMain() {}

  /** Starts the workers from the environment and runs them until SIGTERM. */
  public static void main(String[] args) {
    FixmoConfig config = FixmoConfig.fromEnvironment();
    var registry = Metrics.create("workers");
    ServiceRunner runner = new ServiceRunner("workers");
    WorkersService workers = runner.start(new WorkersService(config, registry, Clock.systemUTC()));
    Admin admin = Admin.create(new KafkaClients(config).admin("workers-health"));
    Duration timeout = Duration.ofSeconds(2);
    Health health =
        new Health(
            List.of(
                new KafkaHealthCheck(admin, timeout),
                new RedisHealthCheck(workers.redis(), timeout)),
            timeout);
    runner.start(
        new AdminServer("workers", config.get(Settings.WORKERS_ADMIN_PORT), health, registry));
    runner.runUntilSignalled();
  }
}
