package app.fixmo.processors.directory;

import app.fixmo.platform.logging.LogContext;
import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Where a record of the directory or the booking lists comes from: the request that caused it, as
 * its headers carry it from stage to stage, and the record in hand, as the logging context names
 * it.
 */
public final class Provenance {

  /** The request id of documents whose records carry none, so the projector can still log one. */
  static final String NO_REQUEST = "directory";

  private Provenance() {}

  /** Returns fresh headers naming the record's type, request and trace context. */
  public static Headers stamped(String type, String requestId, String traceparent) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.stamp(headers, type, requestId, traceparent);
    return headers;
  }

  /** Returns fresh headers of another type, carrying the request and trace of the given ones. */
  static Headers restamped(Headers from, String type) {
    return stamped(
        type,
        KafkaHeaders.read(from, KafkaHeaders.REQUEST_ID),
        KafkaHeaders.read(from, KafkaHeaders.TRACEPARENT));
  }

  /** Returns the request id the headers carry, or {@value #NO_REQUEST}. */
  static String requestId(Headers headers) {
    String requestId = KafkaHeaders.read(headers, KafkaHeaders.REQUEST_ID);
    return requestId == null ? NO_REQUEST : requestId;
  }

  /** Puts the record in hand (its coordinates, key and request id) into the logging context. */
  public static LogContext logContext(
      ProcessorContext<?, ?> context, String key, String requestId) {
    LogContext logContext =
        context
            .recordMetadata()
            .map(m -> LogContext.of(m.topic(), m.partition(), m.offset()))
            .orElseGet(LogContext::empty);
    return logContext.with(LogFields.KEY, key).with(LogFields.REQUEST_ID, requestId);
  }
}
