package app.fixmo.benchmarks;

import app.fixmo.embedded.EmbeddedKafka;
import app.fixmo.embedded.EmbeddedRedis;
import app.fixmo.platform.service.Service;
import app.fixmo.platform.service.ServiceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs a real Kafka broker and a real redis-server for a benchmark, in a JVM apart from the
 * services, so that their CPU and memory can be told apart from FixMo's own.
 *
 * <p>Usage: {@code InfraMain <addresses file>}. Once both answer, it writes {@code
 * kafka.bootstrap}, {@code redis.url} and {@code redis.pid} to the file (whole, in one rename, so a
 * reader never sees half of it) and runs until SIGTERM, which stops Redis and then the broker.
 */
public final class InfraMain {

  private InfraMain() {}

  /** Starts the broker and Redis, publishes their addresses, and waits for SIGTERM. */
  public static void main(String[] args) throws IOException {
    Path addresses = Path.of(args[0]);
    ServiceRunner runner = new ServiceRunner("benchmark infrastructure");
    KafkaService kafka = runner.start(new KafkaService());
    RedisService redis = runner.start(new RedisService());

    String text =
        "kafka.bootstrap="
            + kafka.kafka.bootstrapServers()
            + "\nredis.url="
            + redis.redis.url()
            + "\nredis.pid="
            + redisPid()
            + "\n";
    publish(addresses, text);
    System.out.print(text);
    System.out.flush();
    runner.runUntilSignalled();
  }

  // redis-server is the only process this JVM spawns.
  private static long redisPid() {
    return ProcessHandle.current()
        .children()
        .findFirst()
        .map(ProcessHandle::pid)
        .orElseThrow(() -> new IllegalStateException("redis-server is not a child of this JVM"));
  }

  private static void publish(Path file, String text) {
    try {
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, text);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static final class KafkaService implements Service {
    private EmbeddedKafka kafka;

    @Override
    public String name() {
      return "kafka broker";
    }

    @Override
    public void start() {
      kafka = EmbeddedKafka.start();
    }

    @Override
    public void close() {
      kafka.close();
    }
  }

  private static final class RedisService implements Service {
    private EmbeddedRedis redis;

    @Override
    public String name() {
      return "redis-server";
    }

    @Override
    public void start() {
      redis = EmbeddedRedis.start();
    }

    @Override
    public void close() {
      redis.close();
    }
  }
}
