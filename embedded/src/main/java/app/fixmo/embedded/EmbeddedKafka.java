package app.fixmo.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one node in KRaft combined mode, broker and controller at
 * once, listening on 127.0.0.1 only.
 *
 * <p>Its settings fit one node: every internal topic has one replica, share groups are on and
 * answer fast, and topics are never created automatically. It is for tests and for {@code fixmo
 * dev}, never for production.
 *
 * <p>Known limitation: a stopped broker's ports are only remembered, not held. If another process
 * takes one of them meanwhile, {@link #restart()} fails with an address-in-use error.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private EmbeddedKafka(Path dataDir, boolean temporary, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Starts a broker on free ports with a temporary data directory that close deletes. */
  public static EmbeddedKafka start() {
    Path dir = Directories.createTemp("fixmo-kafka-");
    return launch(new EmbeddedKafka(dir, true, FreePorts.pick(), FreePorts.pick()));
  }

  /** Starts a broker that keeps its data in the given directory; port 0 picks a free one. */
  public static EmbeddedKafka start(Path dataDir, int port) {
    Directories.create(dataDir);
    return launch(new EmbeddedKafka(dataDir, false, FreePorts.orFree(port), FreePorts.pick()));
  }

  private static EmbeddedKafka launch(EmbeddedKafka kafka) {
    try {
      kafka.startServer();
      return kafka;
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  /** Returns the address clients connect to, as {@code 127.0.0.1:port}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Returns the port of the client listener, the same across restarts. */
  public int port() {
    return port;
  }

  /** Returns the directory holding the broker's configuration and logs. */
  public Path dataDir() {
    return dataDir;
  }

  /** Tells whether the broker is up. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down, keeping its data and its ports for {@link #restart()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long started = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    server = null;
    log.info("Kafka broker at {} stopped in {} ms", bootstrapServers(), millisSince(started));
  }

  /** Stops the broker if it runs and starts it again on the same ports and data. */
  public synchronized void restart() {
    stop();
    startServer();
  }

  /** Stops the broker and deletes its data directory if it was a temporary one. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      if (temporary) {
        Directories.deleteRecursively(dataDir);
      }
    }
  }

  private synchronized void startServer() {
    long started = System.nanoTime();
    Path logDir = dataDir.resolve("logs");
    Properties props = BrokerSettings.of(logDir, port, controllerPort);
    StorageFormatter.formatUnlessFormatted(props, logDir, dataDir.resolve("broker.properties"));

    KafkaRaftServer candidate =
        new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      candidate.startup();
      awaitReady();
    } catch (RuntimeException e) {
      candidate.shutdown();
      candidate.awaitShutdown();
      throw e;
    }
    server = candidate;
    log.info("Kafka broker ready at {} in {} ms", bootstrapServers(), millisSince(started));
  }

  // The broker's startup returns once it is unfenced; asking for the cluster through a real
  // client proves the listener accepts requests as well.
  private void awaitReady() {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "fixmo-embedded-readiness");
    try (Admin admin = Admin.create(config)) {
      DescribeClusterOptions options =
          new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis());
      Collection<Node> nodes = admin.describeCluster(options).nodes().get();
      if (nodes.isEmpty()) {
        throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " has no nodes");
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka broker at " + bootstrapServers() + " did not answer within " + READY_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }
}
