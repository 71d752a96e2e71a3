package app.fixmo.workers.jobs;

import app.fixmo.platform.kafka.KafkaClients;
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

  private ShareGroups() {}

  /**
   * Makes a share group start from the earliest record. The broker's default is the latest, which
   * would skip every job produced before the group's first consumer joined.
   */
  static void readFromEarliest(KafkaClients kafka, String group) {
    var resource = new ConfigResource(ConfigResource.Type.GROUP, group);
    var reset =
        new AlterConfigOp(
            new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
    try (Admin admin = Admin.create(kafka.admin("share-group-setup"))) {
      admin
          .incrementalAlterConfigs(Map.of(resource, List.of(reset)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not configure share group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted configuring share group " + group, e);
    }
  }
}
