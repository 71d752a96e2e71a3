package app.fixmo.processors.directory;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.DirectoryRecords.ListSize;
import app.fixmo.schemas.providers.ProviderViews;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts providers per category and city from the sizes of the lists, in the store {@value
 * DirectoryTopology#CATEGORIES_STORE}, and writes the one categories document when a count changes.
 *
 * <p>Every size arrives on the one partition of {@code fixmo.directory.sizes}, so one task holds
 * all counts; a size equal to the one held (a card changed, the membership did not) writes nothing.
 */
final class CategoryCounter implements Processor<String, ListSize, String, ViewDocument> {

  private static final Logger log = LoggerFactory.getLogger(CategoryCounter.class);

  private ProcessorContext<String, ViewDocument> context;
  private KeyValueStore<String, CategoryCountsState> store;

  @Override
  public void init(ProcessorContext<String, ViewDocument> context) {
    this.context = context;
    this.store = context.getStateStore(DirectoryTopology.CATEGORIES_STORE);
  }

  @Override
  public void process(Record<String, ListSize> record) {
    if (record.value() == null) {
      return;
    }
    String requestId = Provenance.requestId(record.headers());
    LogContext logContext = Provenance.logContext(context, record.key(), requestId);
    try {
      apply(record);
    } finally {
      logContext.close();
    }
  }

  private void apply(Record<String, ListSize> record) {
    CategoryCountsState held = store.get(ProviderViews.ALL);
    Optional<CategoryCountsState> changed =
        (held == null ? CategoryCountsState.empty() : held).with(record.value());
    if (changed.isEmpty()) {
      log.debug("size of {} changes no count", record.value().listKey());
      return;
    }

    CategoryCountsState next = changed.get();
    store.put(ProviderViews.ALL, next);

    ViewDocument view =
        new ViewDocument(
            ProviderViews.CATEGORIES,
            ProviderViews.ALL,
            next.version(),
            Instant.ofEpochMilli(record.timestamp()),
            Provenance.requestId(record.headers()),
            Json.toTree(next.document()));
    var headers = Provenance.restamped(record.headers(), "view." + view.view());
    context.forward(new Record<>(view.key(), view, record.timestamp(), headers));
  }
}
