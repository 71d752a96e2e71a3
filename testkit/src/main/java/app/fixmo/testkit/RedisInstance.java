package app.fixmo.testkit;

/**
 * The Redis server a test runs against, shared by every test class of the JVM.
 *
 * <p>Keys are shared too: prefix them with the class's {@link TestNamespace#key(String)}.
 */
public interface RedisInstance {

  /** Returns the URL clients connect to, as {@code redis://127.0.0.1:port}. */
  String url();

  /** Returns the port, the same across restarts. */
  int port();

  /** Tells whether the server is up. */
  boolean isRunning();

  /** Stops the server; its port stays reserved for {@link #restart()}. */
  void stop();

  /** Starts the server again on the same port, with no data. */
  void restart();
}
