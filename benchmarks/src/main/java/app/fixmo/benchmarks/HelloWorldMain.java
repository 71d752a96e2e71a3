package app.fixmo.benchmarks;

import io.javalin.Javalin;

/**
 * The baseline for the provider page: a bare Javalin on virtual threads, as the edge runs it, with
 * nothing behind it. It answers the provider page's path too, so that the same wrk script (and so
 * the same cost inside wrk) drives both.
 *
 * <p>Usage: {@code HelloWorldMain <port>}. Runs until the JVM is stopped.
 */
public final class HelloWorldMain {

  private static final String HELLO = "Hello, World!";

  private HelloWorldMain() {}

  /** Starts the server on the given port. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(
            config -> {
              config.concurrency.useVirtualThreads = true;
              config.startup.showJavalinBanner = false;
              config.routes.get("/", ctx -> ctx.result(HELLO));
              config.routes.get("/api/providers/{id}", ctx -> ctx.result(HELLO));
            })
        .start("127.0.0.1", port);
  }
}
