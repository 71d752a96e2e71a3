package app.fixmo.processors.bookinglists;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.processors.directory.Provenance;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys each booking event from the provider to both parties of the booking, the customer and the
 * provider, so that each account's list is kept by the one task that owns its key.
 *
 * <p>The forwarded records keep the event's type in their type header: it says what changed.
 */
final class BookingFanOut implements Processor<String, Event, String, Booking> {

  private static final Logger log = LoggerFactory.getLogger(BookingFanOut.class);

  private ProcessorContext<String, Booking> context;

  @Override
  public void init(ProcessorContext<String, Booking> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Event> record) {
    Event event = record.value();
    if (event == null || !ProviderEvents.BOOKING_TYPES.contains(event.type())) {
      return;
    }
    LogContext logContext = Provenance.logContext(context, record.key(), event.requestId());
    try {
      booking(event).ifPresent(booking -> forward(booking, event, record.timestamp()));
    } finally {
      logContext.close();
    }
  }

  private static Optional<Booking> booking(Event event) {
    try {
      return Optional.of(checked(event.payloadAs(BookingChanged.class).booking()));
    } catch (SchemaViolation e) {
      log.warn(
          "skipped {} event {}: payload cannot be read at '{}': {}",
          event.type(),
          event.id(),
          e.field(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns the booking, checked to hold what the lists key and sort it by. */
  private static Booking checked(Booking booking) {
    Fields.required(booking, "booking");
    Fields.text(booking.bookingId(), "booking.bookingId", 300);
    Fields.text(booking.customerId(), "booking.customerId", 300);
    Fields.text(booking.providerId(), "booking.providerId", 300);
    if (booking.history() == null || booking.history().isEmpty()) {
      throw SchemaViolation.ofField("booking.history", "must hold at least the first step");
    }
    Step first = Fields.required(booking.history().get(0), "booking.history.0");
    Fields.required(first.at(), "booking.history.0.at");
    return booking;
  }

  private void forward(Booking booking, Event event, long timestamp) {
    // A booking of one's own would otherwise land twice in one list.
    for (String account :
        Stream.of(booking.customerId(), booking.providerId()).distinct().toList()) {
      var headers = Provenance.stamped(event.type(), event.requestId(), event.traceparent());
      context.forward(new Record<>(account, booking, timestamp, headers));
    }
  }
}
