package app.fixmo.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} process on 127.0.0.1, with no persistence and a directory of its own.
 *
 * <p>The process dies with this JVM: {@link #close()} stops it, and a shutdown hook destroys it
 * when the JVM exits without closing it.
 *
 * <p>Known limitation: a JVM killed with SIGKILL runs no shutdown hook, so its redis-server keeps
 * running until it is killed by hand.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int PING_TIMEOUT_MS = 500;

  private final int port;
  private final Path dir;
  private Process process;

  private EmbeddedRedis(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  /** Starts a redis-server on a free port. */
  public static EmbeddedRedis start() {
    return start(0);
  }

  /** Starts a redis-server on the given port; 0 picks a free one. */
  public static EmbeddedRedis start(int port) {
    EmbeddedRedis redis =
        new EmbeddedRedis(FreePorts.orFree(port), Directories.createTemp("fixmo-redis-"));
    try {
      redis.launch();
      return redis;
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  /** Returns the URL clients connect to, as {@code redis://127.0.0.1:port}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Returns the port, the same across restarts. */
  public int port() {
    return port;
  }

  /** Tells whether the process is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the process and waits until it is gone, so the port is free again. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!awaitExit(process, STOP_TIMEOUT)) {
      process.destroyForcibly();
      awaitExit(process, STOP_TIMEOUT);
    }
    ChildProcesses.forget(process);
    process = null;
    log.info("Redis at {} stopped", url());
  }

  /** Stops the process if it runs and starts a new one, empty, on the same port. */
  public synchronized void restart() {
    stop();
    launch();
  }

  /** Stops the process and deletes its directory. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      Directories.deleteRecursively(dir);
    }
  }

  private synchronized void launch() {
    long started = System.nanoTime();
    process = spawn();
    ChildProcesses.track(process);
    awaitPong();
    long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
    log.info("Redis ready at {} in {} ms", url(), elapsed);
  }

  private Process spawn() {
    List<String> command =
        List.of(
            RedisBinary.locate().toString(),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "no",
            "--dir",
            dir.toString());
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(logFile().toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.getFirst(), e);
    }
  }

  // Waiting on the process between attempts both paces the loop and notices an early death,
  // for example when the port is taken.
  private void awaitPong() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (answersPing()) {
        return;
      }
      if (awaitExit(process, Duration.ofMillis(20))) {
        throw new IllegalStateException(
            "redis-server on port "
                + port
                + " exited with "
                + process.exitValue()
                + ": "
                + serverOutput());
      }
    }
    throw new IllegalStateException(
        "redis-server on port " + port + " did not answer PING within " + READY_TIMEOUT);
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), PING_TIMEOUT_MS);
      socket.setSoTimeout(PING_TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return "+PONG".equals(in.readLine());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean awaitExit(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for redis-server", e);
    }
  }

  private Path logFile() {
    return dir.resolve("redis.log");
  }

  private String serverOutput() {
    try {
      return Files.readString(logFile()).strip();
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
