package app.fixmo.cli;

import app.fixmo.embedded.EmbeddedKafka;
import app.fixmo.embedded.EmbeddedRedis;
import app.fixmo.platform.service.Service;

/**
 * The embedded broker and redis-server as services, so a {@code ServiceRunner} stops them after
 * everything that uses them: {@code fixmo dev} and the benchmarks' infrastructure JVM.
 */
public final class EmbeddedServices {

  private EmbeddedServices() {}

  /** A real Kafka broker in KRaft mode, on free ports. */
  public static final class Kafka implements Service {
    private EmbeddedKafka broker;

    /** Returns the running broker. */
    public EmbeddedKafka broker() {
      return broker;
    }

    @Override
    public String name() {
      return "kafka broker";
    }

    @Override
    public void start() {
      broker = EmbeddedKafka.start();
    }

    @Override
    public void close() {
      broker.close();
    }
  }

  /** A real redis-server on a free port. */
  public static final class Redis implements Service {
    private EmbeddedRedis server;

    /** Returns the running server. */
    public EmbeddedRedis server() {
      return server;
    }

    @Override
    public String name() {
      return "redis-server";
    }

    @Override
    public void start() {
      server = EmbeddedRedis.start();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
