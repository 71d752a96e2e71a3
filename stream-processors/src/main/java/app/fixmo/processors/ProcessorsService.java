package app.fixmo.processors;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.health.HealthCheck;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.service.Service;
import app.fixmo.processors.deciding.SkipUnreadableRecords;
import app.fixmo.processors.providers.BookingRules;
import app.fixmo.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream processors as a service: creates the catalogue topics, runs {@link ProcessorsTopology}
 * on Kafka Streams (exactly-once) and publishes its metrics.
 *
 * <p>Usable on its own, as {@code fixmo dev} and the system tests do: construct it with a
 * configuration and a registry, {@link #start()} it, and {@link #close()} it.
 */
public final class ProcessorsService implements Service {

  /** The Kafka Streams application id, scoped by the namespace; also the consumer group. */
  public static final String APPLICATION_ID = "fixmo-processors";

  private static final Logger log = LoggerFactory.getLogger(ProcessorsService.class);

  // A first start creates internal topics and joins the group; a restart may restore state
  // from the changelog first. Past this bound start() fails instead of hanging the process.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final FixmoConfig config;
  private final MeterRegistry registry;
  private final Clock clock;
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics metrics;

  /** Creates the service, deciding on the system clock. */
  public ProcessorsService(FixmoConfig config, MeterRegistry registry) {
    this(config, registry, Clock.systemUTC());
  }

  /** Creates the service, deciding on the given clock. */
  public ProcessorsService(FixmoConfig config, MeterRegistry registry, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.clock = clock;
  }

  /** Returns the Kafka Streams settings the processors run with. */
  public static Properties streamsProperties(FixmoConfig config) {
    KafkaClients kafka = new KafkaClients(config);
    Properties props = kafka.streams(APPLICATION_ID);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnreadableRecords.class);
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
        kafka.name(Topics.PROCESSORS_DEAD));
    return props;
  }

  @Override
  public String name() {
    return "stream-processors";
  }

  /**
   * Creates the topics, starts Streams, and returns once it runs.
   *
   * @throws IllegalStateException if Streams does not reach RUNNING in time (it is stopped again),
   *     or if the service was started before
   */
  private static BookingRules bookingRules(FixmoConfig config) {
    return new BookingRules(Duration.ofMinutes(config.get(Settings.CANCEL_CUTOFF_MINUTES)));
  }

  @Override
  public void start() throws InterruptedException {
    if (streams != null) {
      throw new IllegalStateException(name() + " starts once; create a new service instead");
    }
    new KafkaClients(config).createTopics(Topics.ALL);

    KafkaStreams created =
        new KafkaStreams(
            ProcessorsTopology.build(config.namespace(), clock, bookingRules(config)),
            streamsProperties(config));
    created.setStateListener((now, before) -> onStateChange(now));
    created.setUncaughtExceptionHandler(ProcessorsService::onUncaught);
    metrics = new KafkaStreamsMetrics(created);
    metrics.bindTo(registry);
    streams = created;
    created.start();

    try {
      awaitRunning();
    } catch (IllegalStateException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /** Returns the Kafka Streams state (NOT_RUNNING once closed), or null before {@link #start()}. */
  public KafkaStreams.State state() {
    KafkaStreams current = streams;
    return current == null ? null : current.state();
  }

  /** Returns a readiness check: up while Streams runs or rebalances. */
  public HealthCheck healthCheck() {
    return new StreamsStateCheck(this::state);
  }

  private void onStateChange(KafkaStreams.State now) {
    log.info("kafka streams is {}", now);
    if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
      settled.countDown();
    }
  }

  private static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaught(
      Throwable e) {
    // Deciders answer their own failures with a 500 outcome; what reaches here is the store
    // or Kafka failing. Stopping makes readiness fail, so an operator or orchestrator acts.
    log.error("stream thread failed; stopping the processors", e);
    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  private void awaitRunning() throws InterruptedException {
    boolean inTime = settled.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    KafkaStreams.State reached = state();
    if (!inTime || reached != KafkaStreams.State.RUNNING) {
      throw new IllegalStateException(
          "kafka streams did not reach RUNNING within "
              + START_TIMEOUT.toSeconds()
              + " s; it is "
              + reached
              + " (check FIXMO_KAFKA_BOOTSTRAP and the broker)");
    }
  }

  /** Stops Streams, waiting a bounded time for it to commit and leave the group. */
  @Override
  public void close() {
    KafkaStreams current = streams;
    if (current == null) {
      return;
    }
    // Leaving the group on a clean stop hands the tasks to the other instances at once; without
    // it they wait out the session timeout (45 s) before anyone decides these partitions again.
    var options =
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    boolean stopped = current.close(options);
    if (!stopped) {
      log.warn("kafka streams did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
    }
    metrics.close();
  }
}
