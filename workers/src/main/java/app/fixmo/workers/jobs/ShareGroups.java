package app.fixmo.workers.jobs;

import app.fixmo.platform.kafka.KafkaClients;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Settings of share groups, which live on the broker and are set before consumers join. */
final class ShareGroups {

  /**
   * How many times the broker hands out one record before it archives it unprocessed: the most it
   * allows. A worker never lets a record reach this count unprocessed; see {@link JobRunner}.
   */
  static final int DELIVERY_LIMIT = 10;

  /**
   * How long a worker holds the records of one poll before the broker may hand them to another: the
   * broker's default, set on each group so that the workers can rely on it.
   */
  static final Duration RECORD_LOCK = Duration.ofSeconds(30);

  /**
   * The longest time limit a job type may have. A worker starts a job only while half the lock is
   * left (see {@link LaneConsumer}); a second of the rest is kept for settling the job.
   */
  static final Duration LONGEST_TIME_LIMIT = RECORD_LOCK.dividedBy(2).minusSeconds(1);

  private ShareGroups() {}

  /**
   * Makes the share groups start from the earliest record, allow the most deliveries and lock
   * records for {@link #RECORD_LOCK}. The broker's default start is the latest, which would skip
   * every job produced before the group's first consumer joined.
   */
  static void configure(KafkaClients kafka, Collection<String> groups) {
    List<AlterConfigOp> settings =
        List.of(
            set("share.auto.offset.reset", "earliest"),
            set("share.delivery.count.limit", Integer.toString(DELIVERY_LIMIT)),
            set("share.record.lock.duration.ms", Long.toString(RECORD_LOCK.toMillis())));
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (String group : groups) {
      changes.put(new ConfigResource(ConfigResource.Type.GROUP, group), settings);
    }
    try (Admin admin = Admin.create(kafka.admin("share-group-setup"))) {
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not configure share groups " + groups, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted configuring share groups " + groups, e);
    }
  }

  private static AlterConfigOp set(String name, String value) {
    return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
  }
}
