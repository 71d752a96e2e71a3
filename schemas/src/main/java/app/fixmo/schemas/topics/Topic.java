package app.fixmo.schemas.topics;

import app.fixmo.schemas.json.JsonSerde;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue, declared once: its name, what its key is, the type of its values, how
 * many partitions it has and how long it keeps records.
 *
 * <p>Names are resolved in a namespace ({@link #in(String)}): the empty namespace is production;
 * tests give each case its own, so several can share one broker.
 *
 * @param name the dotted base name, for example {@code fixmo.accounts.commands}
 * @param key what the record key is
 * @param valueType the contract record each value is
 * @param partitions how many partitions to create it with
 * @param compacted whether the log keeps the latest record per key instead of expiring by age
 * @param retention how long to keep records (for a compacted topic, how long to keep removals)
 * @param carries one line saying what flows on it
 */
public record Topic<V>(
    String name,
    String key,
    Class<V> valueType,
    int partitions,
    boolean compacted,
    Duration retention,
    String carries) {

  /** Returns the full topic name in a namespace; an empty namespace gives the base name. */
  public String in(String namespace) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }

  /** Returns the serde for this topic's values: JSON, or the bytes as they are for byte[]. */
  @SuppressWarnings("unchecked")
  public Serde<V> valueSerde() {
    if (valueType == byte[].class) {
      return (Serde<V>) Serdes.ByteArray();
    }
    return JsonSerde.of(valueType);
  }

  /** Returns the topic as the admin client creates it, with one replica per partition. */
  public NewTopic newTopic(String namespace, short replicationFactor) {
    Map<String, String> configs =
        compacted
            ? Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.DELETE_RETENTION_MS_CONFIG,
                Long.toString(retention.toMillis()))
            : Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(retention.toMillis()));
    return new NewTopic(in(namespace), partitions, replicationFactor).configs(configs);
  }
}
