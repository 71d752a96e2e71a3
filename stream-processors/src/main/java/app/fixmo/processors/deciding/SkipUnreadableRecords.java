package app.fixmo.processors.deciding;

import app.fixmo.platform.logging.LogContext;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a record whose key or value cannot be read, so that one bad producer cannot stop the
 * processing of everything behind it on the partition.
 *
 * <p>Warning: a skipped command gets no outcome, so a client waiting on it sees its request stay
 * pending. The edge only produces valid commands; a skipped one comes from another producer, and
 * the warning (with topic, partition and offset in the logging context) is where to find it. Kafka
 * Streams also counts it in its {@code dropped-records-total} task metric.
 */
public final class SkipUnreadableRecords implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(SkipUnreadableRecords.class);

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LogContext logContext = LogContext.of(context.topic(), context.partition(), context.offset());
    try {
      log.warn("skipped a record that cannot be read: {}", exception.getMessage());
    } finally {
      logContext.close();
    }
    return Response.resume();
  }
}
