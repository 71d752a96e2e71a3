package app.fixmo.processors.directory;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys each change of a provider's summary from the provider to the lists it touches, through
 * {@link DirectoryEntries}. Stateless: the event says what the provider was before.
 */
final class DirectoryFanOut implements Processor<String, Event, String, DirectoryEntry> {

  /** The type header of directory entries. */
  static final String ENTRY_TYPE = "directory.entry";

  private static final Logger log = LoggerFactory.getLogger(DirectoryFanOut.class);

  private ProcessorContext<String, DirectoryEntry> context;

  @Override
  public void init(ProcessorContext<String, DirectoryEntry> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Event> record) {
    Event event = record.value();
    if (event == null || !event.type().equals(ProviderEvents.SUMMARY_CHANGED)) {
      return;
    }
    LogContext logContext = Provenance.logContext(context, record.key(), event.requestId());
    try {
      for (DirectoryEntry entry : entries(event)) {
        forward(entry, event, record.timestamp());
      }
    } finally {
      logContext.close();
    }
  }

  private static List<DirectoryEntry> entries(Event event) {
    try {
      return DirectoryEntries.of(event.payloadAs(SummaryChanged.class));
    } catch (SchemaViolation e) {
      log.warn(
          "skipped {} event {}: payload cannot be read at '{}': {}",
          event.type(),
          event.id(),
          e.field(),
          e.getMessage());
      return List.of();
    }
  }

  private void forward(DirectoryEntry entry, Event event, long timestamp) {
    var headers = Provenance.stamped(ENTRY_TYPE, event.requestId(), event.traceparent());
    context.forward(new Record<>(entry.listKey(), entry, timestamp, headers));
  }
}
