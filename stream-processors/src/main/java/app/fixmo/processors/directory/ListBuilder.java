package app.fixmo.processors.directory;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.ProviderViews;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every list of its partitions in the store {@value DirectoryTopology#LISTS_STORE}, and
 * writes a list's document and size each time an entry changes it.
 *
 * <p>An entry that changes nothing (the same card again, the removal of someone not listed) writes
 * nothing, so a version counts real changes and a replay settles on the same documents.
 */
final class ListBuilder implements Processor<String, DirectoryEntry, String, Object> {

  /** The type header of list sizes. */
  static final String SIZE_TYPE = "directory.list-size";

  private static final Logger log = LoggerFactory.getLogger(ListBuilder.class);

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, ListState> store;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(DirectoryTopology.LISTS_STORE);
  }

  @Override
  public void process(Record<String, DirectoryEntry> record) {
    DirectoryEntry entry = record.value();
    if (record.key() == null || entry == null) {
      return;
    }
    String requestId = Provenance.requestId(record.headers());
    LogContext logContext = Provenance.logContext(context, record.key(), requestId);
    try {
      apply(entry, record);
    } finally {
      logContext.close();
    }
  }

  private void apply(DirectoryEntry entry, Record<String, DirectoryEntry> record) {
    // The store is partitioned by record key, which the fan-out sets to the entry's list key.
    String listKey = record.key();
    ListState held = store.get(listKey);
    Optional<ListState> changed = (held == null ? ListState.empty(entry) : held).with(entry);
    if (changed.isEmpty()) {
      log.debug("entry of provider {} changes nothing", entry.providerId());
      return;
    }

    ListState next = changed.get();
    store.put(listKey, next);

    write(listKey, next, record);
  }

  private void write(String listKey, ListState list, Record<String, DirectoryEntry> record) {
    ViewDocument view =
        new ViewDocument(
            ProviderViews.PROVIDER_LIST,
            listKey,
            list.version(),
            Instant.ofEpochMilli(record.timestamp()),
            Provenance.requestId(record.headers()),
            Json.toTree(list.document()));
    Headers viewHeaders = Provenance.restamped(record.headers(), "view." + view.view());
    context.forward(
        new Record<>(view.key(), view, record.timestamp(), viewHeaders),
        DirectoryTopology.LIST_VIEWS_SINK);

    Headers sizeHeaders = Provenance.restamped(record.headers(), SIZE_TYPE);
    context.forward(
        new Record<>(ProviderViews.ALL, list.size(listKey), record.timestamp(), sizeHeaders),
        DirectoryTopology.SIZES_SINK);
  }
}
