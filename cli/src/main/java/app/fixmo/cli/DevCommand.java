package app.fixmo.cli;

import app.fixmo.edge.EdgeService;
import app.fixmo.embedded.EmbeddedKafka;
import app.fixmo.embedded.EmbeddedRedis;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.platform.service.ServiceRunner;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.workers.WorkersService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code fixmo dev}: the whole system in one process on this machine. Starts a real Kafka broker
 * and a real redis-server unless {@code FIXMO_KAFKA_BOOTSTRAP} / {@code FIXMO_REDIS_URL} name
 * existing ones, then the processors, the workers and the edge; seeds a demo marketplace through
 * the public API ({@link DemoSeed}); and stops everything, in reverse order, on Ctrl-C or SIGTERM.
 *
 * <p>The broker and Redis it starts keep their data only for the run: each run begins empty.
 */
final class DevCommand {

  private final Map<String, String> environment;
  private final PrintStream out;

  DevCommand(Map<String, String> environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  void run() {
    FixmoConfig config = FixmoConfig.from(devDefaults());
    ServiceRunner runner = new ServiceRunner("fixmo dev");
    Map<String, String> started = new HashMap<>();
    if (!config.isSet(Settings.KAFKA_BOOTSTRAP)) {
      EmbeddedKafka kafka = runner.start(new EmbeddedServices.Kafka()).broker();
      started.put(Settings.KAFKA_BOOTSTRAP.env(), kafka.bootstrapServers());
    }
    if (!config.isSet(Settings.REDIS_URL)) {
      EmbeddedRedis redis = runner.start(new EmbeddedServices.Redis()).server();
      started.put(Settings.REDIS_URL.env(), redis.url());
    }
    config = config.with(started);

    PrometheusMeterRegistry registry = Metrics.create("fixmo-dev");
    runner.start(new ProcessorsService(config, registry));
    runner.start(new WorkersService(config, registry, Clock.systemUTC()));
    EdgeService edge = runner.start(new EdgeService(config, registry, Clock.systemUTC()));

    String api = "http://127.0.0.1:" + edge.port();
    new DemoSeed(api).seed(out);
    printWelcome(config, api);
    runner.runUntilSignalled();
  }

  private Map<String, String> devDefaults() {
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent(Settings.DEV_MODE.env(), "true");
    env.putIfAbsent(Settings.STREAMS_STATE_DIR.env(), tempDir("fixmo-dev-streams").toString());
    return env;
  }

  private void printWelcome(FixmoConfig config, String api) {
    out.println();
    out.println("FixMo is running.");
    out.println("  API:    " + api + "/api   (try: curl " + api + "/api/health)");
    out.println("  Kafka:  " + config.get(Settings.KAFKA_BOOTSTRAP));
    out.println("  Redis:  " + config.get(Settings.REDIS_URL));
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
