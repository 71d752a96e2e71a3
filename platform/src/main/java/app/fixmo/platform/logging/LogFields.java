package app.fixmo.platform.logging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The names under which FixMo puts identities in the logging context, so that every log line of
 * every service carries them and an operator can follow one request through Kafka.
 */
public final class LogFields {

  public static final String REQUEST_ID = "requestId";
  public static final String TOPIC = "topic";
  public static final String PARTITION = "partition";
  public static final String OFFSET = "offset";
  public static final String KEY = "key";
  public static final String JOB_ID = "jobId";

  private LogFields() {}

  /** Puts a consumed record's coordinates into the logging context; close to remove them. */
  public static MDC.MDCCloseable[] record(ConsumerRecord<?, ?> record, String requestId) {
    return new MDC.MDCCloseable[] {
      MDC.putCloseable(TOPIC, record.topic()),
      MDC.putCloseable(PARTITION, Integer.toString(record.partition())),
      MDC.putCloseable(OFFSET, Long.toString(record.offset())),
      MDC.putCloseable(KEY, String.valueOf(record.key())),
      MDC.putCloseable(REQUEST_ID, requestId)
    };
  }
}
