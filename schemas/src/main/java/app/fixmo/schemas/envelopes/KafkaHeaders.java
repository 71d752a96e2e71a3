package app.fixmo.schemas.envelopes;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka record headers FixMo sets on everything it produces, so that an operator can follow a
 * request from the edge through every topic without opening the value.
 */
public final class KafkaHeaders {

  /** The id of the HTTP request that caused the record. */
  public static final String REQUEST_ID = "fixmo-request-id";

  /** The W3C trace context of that request. */
  public static final String TRACEPARENT = "traceparent";

  /** The envelope type (for example {@code account.register}). */
  public static final String TYPE = "fixmo-type";

  private KafkaHeaders() {}

  /** Adds the standard headers of an envelope to a record's headers. */
  public static void stamp(Headers headers, String type, String requestId, String traceparent) {
    put(headers, TYPE, type);
    put(headers, REQUEST_ID, requestId);
    put(headers, TRACEPARENT, traceparent);
  }

  /** Returns the last value of a header as text, or null. */
  public static String read(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.remove(name);
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
