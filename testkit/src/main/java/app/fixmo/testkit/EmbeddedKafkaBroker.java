package app.fixmo.testkit;

import app.fixmo.embedded.EmbeddedKafka;

/** The in-JVM broker of fixmo-embedded, on free ports with a temporary data directory. */
final class EmbeddedKafkaBroker implements KafkaBroker, AutoCloseable {

  private final EmbeddedKafka kafka;

  private EmbeddedKafkaBroker(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  static EmbeddedKafkaBroker start() {
    return new EmbeddedKafkaBroker(EmbeddedKafka.start());
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public boolean supportsRestart() {
    return true;
  }

  @Override
  public boolean isRunning() {
    return kafka.isRunning();
  }

  @Override
  public void stop() {
    kafka.stop();
  }

  @Override
  public void restart() {
    kafka.restart();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
