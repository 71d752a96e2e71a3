package app.fixmo.schemas.json;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one contract record, through the strict {@link Json} mapper.
 *
 * <p>A record that breaks the contract fails with Kafka's {@link SerializationException}, whose
 * message names the field, so that consumers can route it to a dead-letter topic.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  private JsonSerde(Class<T> type) {
    this.type = type;
  }

  /** Returns a serde for the given record type. */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : Json.toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
  }

  private T decode(String topic, byte[] bytes) {
    try {
      return Json.read(bytes, type);
    } catch (SchemaViolation e) {
      String where = e.field().isEmpty() ? "" : " at '" + e.field() + "'";
      throw new SerializationException(
          "record on "
              + topic
              + " is not a valid "
              + type.getSimpleName()
              + where
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
