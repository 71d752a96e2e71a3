package app.fixmo.system;

import app.fixmo.edge.EdgeService;
import app.fixmo.embedded.EmbeddedMail;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.workers.WorkersService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every FixMo service, in this JVM, on the shared broker and a given Redis, in a namespace, with an
 * SMTP server of its own that the workers send mail to.
 */
final class FixmoSystem implements AutoCloseable {

  private final FixmoConfig config;
  private final EmbeddedMail mail;
  private final PrometheusMeterRegistry registry = Metrics.create("system-test");
  private final EdgeService edge;
  private final List<EdgeService> moreEdges = new ArrayList<>();
  private ProcessorsService processors;
  private WorkersService workers;

  private FixmoSystem(FixmoConfig config, EmbeddedMail mail) throws Exception {
    this.config = config;
    this.mail = mail;
    startProcessors();
    startWorkers();
    this.edge = new EdgeService(config, registry, Clock.systemUTC());
    edge.start();
  }

  /** Stops the stream processors, as a crash of their process would. */
  void stopProcessors() {
    processors.close();
  }

  /** Starts a new stream processors instance. */
  void startProcessors() throws Exception {
    processors = new ProcessorsService(config, registry);
    processors.start();
  }

  /** Stops the workers (projector and jobs), as a crash of their process would. */
  void stopWorkers() {
    workers.close();
  }

  /** Starts a new workers instance. */
  void startWorkers() {
    workers = new WorkersService(config, registry, Clock.systemUTC());
    workers.start();
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
    // Tests fire requests faster than a person would; RateLimitIT sets the contract's limits.
    env.put("FIXMO_API_RATE_PER_S", "1000000");
    env.put("FIXMO_API_BURST", "1000000");
    env.put("FIXMO_STREAMS_STATE_DIR", Files.createTempDirectory("fixmo-streams").toString());
    EmbeddedMail mail = EmbeddedMail.start();
    env.put("FIXMO_SMTP_HOST", mail.host());
    env.put("FIXMO_SMTP_PORT", Integer.toString(mail.port()));
    env.putAll(overrides);
    try {
      return new FixmoSystem(FixmoConfig.from(env), mail);
    } catch (Exception e) {
      mail.close();
      throw e;
    }
  }

  FixmoConfig config() {
    return config;
  }

  /** Returns the SMTP server the workers send to, to read what they mailed. */
  EmbeddedMail mail() {
    return mail;
  }

  Api api() {
    return new Api("http://127.0.0.1:" + edge.port());
  }

  /** Starts one more edge on the same broker, Redis and namespace; it stops with the system. */
  Api startAnotherEdge() {
    EdgeService another = new EdgeService(config, Metrics.create("system-test"), Clock.systemUTC());
    another.start();
    moreEdges.add(another);
    return new Api("http://127.0.0.1:" + another.port());
  }

  @Override
  public void close() {
    moreEdges.forEach(EdgeService::close);
    edge.close();
    workers.close();
    processors.close();
    mail.close();
  }
}
