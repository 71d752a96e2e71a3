package app.fixmo.processors.providers;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The providers topology under test, with the processors' own Streams settings. */
final class ProvidersDriver implements AutoCloseable {

  static final String NAMESPACE = "test";

  private final TopologyTestDriver driver;

  ProvidersDriver(Topology topology, Path stateDir) {
    this(topology, stateDir, Instant.EPOCH);
  }

  /** Starts the driver's wall clock, which the punctuators run by, at the given time. */
  ProvidersDriver(Topology topology, Path stateDir, Instant wallClockStart) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_NAMESPACE", NAMESPACE, "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
    this.driver =
        new TopologyTestDriver(
            topology, ProcessorsService.streamsProperties(config), wallClockStart);
  }

  /** Sends a command to the provider commands topic, keyed as the command says. */
  void send(Command command) {
    driver
        .createInputTopic(
            Topics.PROVIDER_COMMANDS.in(NAMESPACE),
            new StringSerializer(),
            Topics.PROVIDER_COMMANDS.valueSerde().serializer())
        .pipeInput(command.key(), command);
  }

  /** Lets wall-clock time pass, which runs the punctuators that fall due. */
  void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  List<TestRecord<String, Event>> events() {
    return drain(Topics.PROVIDER_EVENTS);
  }

  List<TestRecord<String, Outcome>> outcomes() {
    return drain(Topics.REQUEST_OUTCOMES);
  }

  List<TestRecord<String, ViewDocument>> views() {
    return drain(Topics.VIEWS);
  }

  /**
   * Drains the records of a job topic: a lane, or the scheduled topic, where a tombstone (a null
   * value) withdraws the job its key names.
   */
  List<TestRecord<String, Job>> jobs(Topic<Job> topic) {
    return drain(topic);
  }

  /** Drains every output topic, so a test sees only what follows. */
  void drainAll() {
    events();
    outcomes();
    views();
    JobLanes.TOPICS.forEach(this::jobs);
    jobs(Topics.JOBS_SCHEDULED);
  }

  <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  private <V> List<TestRecord<String, V>> drain(Topic<V> topic) {
    return driver
        .createOutputTopic(
            topic.in(NAMESPACE), new StringDeserializer(), topic.valueSerde().deserializer())
        .readRecordsToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
