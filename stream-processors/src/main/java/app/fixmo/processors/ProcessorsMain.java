package app.fixmo.processors;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.health.Health;
import app.fixmo.platform.health.KafkaHealthCheck;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.platform.service.AdminServer;
import app.fixmo.platform.service.ServiceRunner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/** Runs the stream processors as a process, with health and metrics on the admin port. */
public final class ProcessorsMain {

  private static final String SERVICE = "stream-processors";

  private ProcessorsMain() {}

  /** Starts the processors and runs until SIGTERM or SIGINT. */
  public static void main(String[] args) {
    FixmoConfig config = FixmoConfig.fromEnvironment();
    PrometheusMeterRegistry registry = Metrics.create(SERVICE);
    ProcessorsService processors = new ProcessorsService(config, registry);

    // The admin client and the health executor live as long as the process, which the runner
    // ends with System.exit after stopping the services.
    Admin admin = Admin.create(new KafkaClients(config).admin(SERVICE + "-health"));
    Health health =
        new Health(
            List.of(new KafkaHealthCheck(admin, Duration.ofSeconds(2)), processors.healthCheck()),
            Duration.ofSeconds(3));
    int port = config.get(Settings.PROCESSORS_ADMIN_PORT);

    ServiceRunner runner = new ServiceRunner(SERVICE);
    // The admin port comes first so that liveness answers while Streams starts; readiness stays
    // down until Streams runs.
    runner.start(new AdminServer(SERVICE, port, health, registry));
    runner.start(processors);
    runner.runUntilSignalled();
  }
}
