package app.fixmo.platform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Healthy when the Kafka cluster answers a metadata request. */
public final class KafkaHealthCheck implements HealthCheck {

  private final Admin admin;
  private final Duration timeout;

  public KafkaHealthCheck(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void probe() throws Exception {
    var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
    admin.describeCluster(options).clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
