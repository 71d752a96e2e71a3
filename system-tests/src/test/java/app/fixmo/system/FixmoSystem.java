package app.fixmo.system;

import app.fixmo.edge.EdgeService;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.platform.service.ServiceRunner;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.workers.WorkersService;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Every FixMo service, in this JVM, on the shared broker and a given Redis, in a namespace. */
final class FixmoSystem implements AutoCloseable {

  private final ServiceRunner runner = new ServiceRunner("system under test");
  private final FixmoConfig config;
  private final EdgeService edge;

  private FixmoSystem(FixmoConfig config) {
    this.config = config;
    var registry = Metrics.create("system-test");
    runner.start(new ProcessorsService(config, registry));
    runner.start(new WorkersService(config, registry, Clock.systemUTC()));
    this.edge = runner.start(new EdgeService(config, registry, Clock.systemUTC()));
  }

  /** Starts the system; {@code overrides} change settings for one test class. */
  static FixmoSystem start(
      KafkaBroker broker, String redisUrl, TestNamespace namespace, Map<String, String> overrides)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("FIXMO_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("FIXMO_REDIS_URL", redisUrl);
    env.put("FIXMO_NAMESPACE", namespace.value());
    env.put("FIXMO_HTTP_PORT", "0");
    env.put("FIXMO_DEV_MODE", "true");
    env.put("FIXMO_EDGE_WAIT_MS", "10000");
    env.put("FIXMO_ARGON2_MEMORY_KIB", "8192");
    env.put("FIXMO_STREAMS_STATE_DIR", Files.createTempDirectory("fixmo-streams").toString());
    env.putAll(overrides);
    return new FixmoSystem(FixmoConfig.from(env));
  }

  FixmoConfig config() {
    return config;
  }

  Api api() {
    return new Api("http://127.0.0.1:" + edge.port());
  }

  @Override
  public void close() {
    runner.close();
  }
}
