package app.fixmo.platform.logging;

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
}
