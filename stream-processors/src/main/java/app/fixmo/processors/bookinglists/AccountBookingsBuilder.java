package app.fixmo.processors.bookinglists;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.processors.directory.Provenance;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.Booking;
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
 * Keeps each account's bookings in the store {@value BookingListsTopology#STORE} and writes the
 * account's list document each time one of its bookings moves on.
 */
final class AccountBookingsBuilder implements Processor<String, Booking, String, ViewDocument> {

  /** The request id of documents whose records carry none, so the projector can still log one. */
  static final String NO_REQUEST = "booking-lists";

  private static final Logger log = LoggerFactory.getLogger(AccountBookingsBuilder.class);

  private ProcessorContext<String, ViewDocument> context;
  private KeyValueStore<String, AccountBookingsState> store;

  @Override
  public void init(ProcessorContext<String, ViewDocument> context) {
    this.context = context;
    this.store = context.getStateStore(BookingListsTopology.STORE);
  }

  @Override
  public void process(Record<String, Booking> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    String requestId = KafkaHeaders.read(record.headers(), KafkaHeaders.REQUEST_ID);
    LogContext logContext = Provenance.logContext(context, record.key(), requestId);
    try {
      apply(record, requestId == null ? NO_REQUEST : requestId);
    } finally {
      logContext.close();
    }
  }

  private void apply(Record<String, Booking> record, String requestId) {
    String accountId = record.key();
    AccountBookingsState held = store.get(accountId);
    Optional<AccountBookingsState> changed =
        (held == null ? AccountBookingsState.empty() : held).with(record.value());
    if (changed.isEmpty()) {
      log.debug("booking {} is not newer than the one held", record.value().bookingId());
      return;
    }

    AccountBookingsState next = changed.get();
    store.put(accountId, next);

    ViewDocument view =
        new ViewDocument(
            ProviderViews.ACCOUNT_BOOKINGS,
            accountId,
            next.version(),
            Instant.ofEpochMilli(record.timestamp()),
            requestId,
            Json.toTree(next.document(accountId)));
    context.forward(new Record<>(view.key(), view, record.timestamp(), stamped(view, record)));
  }

  private static Headers stamped(ViewDocument view, Record<String, Booking> record) {
    String traceparent = KafkaHeaders.read(record.headers(), KafkaHeaders.TRACEPARENT);
    return Provenance.stamped("view." + view.view(), view.requestId(), traceparent);
  }
}
