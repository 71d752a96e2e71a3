package app.fixmo.benchmarks;

import app.fixmo.cli.EmbeddedServices;
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
    EmbeddedServices.Kafka kafka = runner.start(new EmbeddedServices.Kafka());
    EmbeddedServices.Redis redis = runner.start(new EmbeddedServices.Redis());

    String text =
        "kafka.bootstrap="
            + kafka.broker().bootstrapServers()
            + "\nredis.url="
            + redis.server().url()
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
}
