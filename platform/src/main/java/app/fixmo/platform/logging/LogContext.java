package app.fixmo.platform.logging;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The identities of the record in hand (topic, partition, offset, key, request id), in the logging
 * context until closed, so every line logged meanwhile carries them.
 */
public final class LogContext implements AutoCloseable {

  private final List<MDC.MDCCloseable> fields = new ArrayList<>();

  private LogContext() {}

  /** Puts a record's coordinates into the logging context. */
  public static LogContext of(String topic, int partition, long offset) {
    return new LogContext()
        .with(LogFields.TOPIC, topic)
        .with(LogFields.PARTITION, Integer.toString(partition))
        .with(LogFields.OFFSET, Long.toString(offset));
  }

  /** Returns a context without coordinates, for a record that has none (punctuation, tests). */
  public static LogContext empty() {
    return new LogContext();
  }

  /** Adds one field; a null value is left out rather than logged as "null". */
  public LogContext with(String field, String value) {
    if (value != null) {
      fields.add(MDC.putCloseable(field, value));
    }
    return this;
  }

  /** Puts a consumed record's coordinates, key and request id into the logging context. */
  public static LogContext of(ConsumerRecord<?, ?> record, String requestId) {
    return of(record.topic(), record.partition(), record.offset())
        .with(LogFields.KEY, String.valueOf(record.key()))
        .with(LogFields.REQUEST_ID, requestId);
  }

  @Override
  public void close() {
    fields.forEach(MDC.MDCCloseable::close);
  }
}
