package app.fixmo.cli;

import app.fixmo.edge.dev.DevMailbox;
import app.fixmo.embedded.EmbeddedKafka;
import app.fixmo.embedded.EmbeddedMail;
import app.fixmo.embedded.EmbeddedRedis;
import app.fixmo.platform.service.Service;

/**
 * The embedded broker, redis-server and SMTP server as services, so a {@code ServiceRunner} stops
 * them after everything that uses them: {@code fixmo dev} and the benchmarks' infrastructure JVM.
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

  /** A real SMTP server (GreenMail) on a free port that keeps what it receives in memory. */
  public static final class Mail implements Service {
    private EmbeddedMail server;

    /** Returns the running server. */
    public EmbeddedMail server() {
      return server;
    }

    /** Returns what the server received, as the edge's {@code /dev/mail} shows it. */
    public DevMailbox mailbox() {
      return () ->
          server.received().stream()
              .map(
                  mail ->
                      new DevMailbox.Mail(
                          mail.messageId(),
                          mail.from(),
                          mail.to(),
                          mail.subject(),
                          mail.text(),
                          mail.receivedAt()))
              .toList();
    }

    @Override
    public String name() {
      return "smtp-server";
    }

    @Override
    public void start() {
      server = EmbeddedMail.start();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
