package app.fixmo.processors.deciding;

import app.fixmo.platform.logging.LogFields;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;

/** The identities of the record in hand, in the logging context until closed. */
final class RecordLogContext implements AutoCloseable {

  private final List<MDC.MDCCloseable> fields = new ArrayList<>();

  private RecordLogContext() {}

  /** Puts a record's coordinates into the logging context. */
  static RecordLogContext of(String topic, int partition, long offset) {
    return new RecordLogContext()
        .with(LogFields.TOPIC, topic)
        .with(LogFields.PARTITION, Integer.toString(partition))
        .with(LogFields.OFFSET, Long.toString(offset));
  }

  /** Returns a context without coordinates, for a record that has none (punctuation, tests). */
  static RecordLogContext empty() {
    return new RecordLogContext();
  }

  /** Adds one field; a null value is left out rather than logged as "null". */
  RecordLogContext with(String field, String value) {
    if (value != null) {
      fields.add(MDC.putCloseable(field, value));
    }
    return this;
  }

  @Override
  public void close() {
    fields.forEach(MDC.MDCCloseable::close);
  }
}
