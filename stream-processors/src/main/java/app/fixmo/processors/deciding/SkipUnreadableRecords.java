package app.fixmo.processors.deciding;

import app.fixmo.platform.logging.LogContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Skips a record whose key or value cannot be read, so that one bad producer cannot stop the
 * processing of everything behind it on the partition, and keeps it on the dead-letter topic
 * ({@code fixmo.processors.dead}, set as Kafka Streams' {@code
 * errors.dead.letter.queue.topic.name}) as it came, with headers naming the error and where the
 * record was.
 *
 * <p>Kafka Streams' own handler does the work; this one only puts the record's coordinates into the
 * logging context, so its warning reads like every other line about a record.
 *
 * <p>Warning: a skipped command gets no outcome, so a client waiting on it sees its request stay
 * pending. The edge only produces valid commands; a skipped one comes from another producer. Kafka
 * Streams also counts it in its {@code dropped-records-total} task metric.
 */
public final class SkipUnreadableRecords extends LogAndContinueExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    try (LogContext logContext =
        LogContext.of(context.topic(), context.partition(), context.offset())) {
      return super.handleError(context, record, exception);
    }
  }
}
