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
 * {@code fixmo dev}: the whole system in one process on this machine. Starts a real Kafka broker, a
 * real redis-server and an SMTP server that keeps what it receives, unless {@code
 * FIXMO_KAFKA_BOOTSTRAP} / {@code FIXMO_REDIS_URL} / {@code FIXMO_SMTP_HOST} name existing ones;
 * then the processors, the workers and the edge, which shows the mail at {@code /dev/mail}; seeds a
 * demo marketplace through the public API ({@link DemoSeed}); and stops everything, in reverse
 * order, on Ctrl-C or SIGTERM.
 *
 * <p>The broker, Redis and mail server it starts keep their data only for the run: each run begins
 * empty.
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
    EmbeddedServices.Mail mail = startMailUnlessSet(config, runner, started);
    config = config.with(started);

    PrometheusMeterRegistry registry = Metrics.create("fixmo-dev");
    runner.start(new ProcessorsService(config, registry));
    runner.start(new WorkersService(config, registry, Clock.systemUTC()));
    EdgeService edge = new EdgeService(config, registry, Clock.systemUTC());
    if (mail != null) {
      edge.withDevMailbox(mail.mailbox());
    }
    runner.start(edge);

    String api = "http://127.0.0.1:" + edge.port();
    new DemoSeed(api).seed(out);
    printWelcome(config, api, mail != null);
    runner.runUntilSignalled();
  }

  /** Starts an SMTP server unless {@code FIXMO_SMTP_HOST} names one; returns it, or null. */
  private static EmbeddedServices.Mail startMailUnlessSet(
      FixmoConfig config, ServiceRunner runner, Map<String, String> started) {
    if (config.isSet(Settings.SMTP_HOST)) {
      return null;
    }
    EmbeddedServices.Mail mail = runner.start(new EmbeddedServices.Mail());
    started.put(Settings.SMTP_HOST.env(), mail.server().host());
    started.put(Settings.SMTP_PORT.env(), Integer.toString(mail.server().port()));
    return mail;
  }

  private Map<String, String> devDefaults() {
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent(Settings.DEV_MODE.env(), "true");
    env.putIfAbsent(Settings.STREAMS_STATE_DIR.env(), tempDir("fixmo-dev-streams").toString());
    return env;
  }

  private void printWelcome(FixmoConfig config, String api, boolean ownMailServer) {
    out.println();
    out.println("FixMo is running.");
    out.println("  API:    " + api + "/api   (try: curl " + api + "/api/health)");
    out.println("  Kafka:  " + config.get(Settings.KAFKA_BOOTSTRAP));
    out.println("  Redis:  " + config.get(Settings.REDIS_URL));
    String smtp = config.get(Settings.SMTP_HOST) + ":" + config.get(Settings.SMTP_PORT);
    if (ownMailServer) {
      out.println("  Mail:   smtp://" + smtp + ", kept in memory: curl " + api + "/dev/mail");
    } else {
      out.println("  Mail:   sent through smtp://" + smtp);
    }
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
