package app.fixmo.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a one-node KRaft broker that is its own controller. */
final class BrokerSettings {

  static final int NODE_ID = 1;

  private BrokerSettings() {}

  /** Returns the broker's properties for a log directory, a client port and a controller port. */
  static Properties of(Path logDir, int port, int controllerPort) {
    Properties props = new Properties();
    props.putAll(identity(logDir));
    props.putAll(listeners(port, controllerPort));
    props.putAll(singleNodeReplication());
    props.putAll(groups());
    props.putAll(lightweight());
    return props;
  }

  private static Properties identity(Path logDir) {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", Integer.toString(NODE_ID));
    props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    // Topics are created explicitly from the catalogue: a typo must fail, not make a topic.
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("num.partitions", "1");
    return props;
  }

  private static Properties listeners(int port, int controllerPort) {
    Properties props = new Properties();
    props.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    return props;
  }

  // With the defaults of 3, consumer groups, transactions and share groups wait for replicas
  // that one node can never have, and hang for a minute before failing.
  private static Properties singleNodeReplication() {
    Properties props = new Properties();
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    return props;
  }

  private static Properties groups() {
    Properties props = new Properties();
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    // A new share consumer gets its first record after about 1.7 s instead of 5.5 s.
    props.setProperty("group.share.heartbeat.interval.ms", "1000");
    props.setProperty("group.share.min.heartbeat.interval.ms", "500");
    return props;
  }

  // Fewer partitions for the internal topics and fewer threads: on a 2-core machine this cuts
  // the first group join and the first transaction by seconds.
  private static Properties lightweight() {
    Properties props = new Properties();
    props.setProperty("offsets.topic.num.partitions", "3");
    props.setProperty("transaction.state.log.num.partitions", "3");
    props.setProperty("share.coordinator.state.topic.num.partitions", "3");
    props.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
    props.setProperty("num.network.threads", "2");
    props.setProperty("num.io.threads", "2");
    props.setProperty("background.threads", "2");
    return props;
  }
}
