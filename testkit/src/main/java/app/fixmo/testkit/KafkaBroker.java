package app.fixmo.testkit;

/**
 * The Kafka broker a test runs against, shared by every test class of the JVM.
 *
 * <p>A test that stops the broker should restart it before it ends; {@link Infrastructure} restarts
 * a broker left stopped after each test all the same, so later tests find it running.
 */
public interface KafkaBroker {

  /** Returns the address clients bootstrap from, as {@code host:port}. */
  String bootstrapServers();

  /** Tells whether {@link #stop()} and {@link #restart()} work with this kind of broker. */
  boolean supportsRestart();

  /** Tells whether the broker is up. */
  boolean isRunning();

  /**
   * Shuts the broker down, keeping its data and its address.
   *
   * @throws UnsupportedOperationException if {@link #supportsRestart()} is false
   */
  void stop();

  /**
   * Starts the broker again on the same address and data, and waits until it answers.
   *
   * @throws UnsupportedOperationException if {@link #supportsRestart()} is false
   */
  void restart();
}
