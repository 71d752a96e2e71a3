package app.fixmo.processors;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A topology under test with the processors' own Streams settings, and typed access to the
 * catalogue topics it reads and writes.
 */
public final class ProcessorsDriver implements AutoCloseable {

  /** The namespace every driven topology uses, so that tests see namespaced topic names. */
  public static final String NAMESPACE = "test";

  private final TopologyTestDriver driver;

  public ProcessorsDriver(Topology topology, Path stateDir) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_NAMESPACE", NAMESPACE, "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
    this.driver = new TopologyTestDriver(topology, ProcessorsService.streamsProperties(config));
  }

  /** Sends a command to the account commands topic, keyed as the command says. */
  public void send(Command command) {
    send(command.key(), command);
  }

  /** Sends a command under any record key. */
  public void send(String key, Command command) {
    driver
        .createInputTopic(
            name(Topics.ACCOUNT_COMMANDS),
            new StringSerializer(),
            Topics.ACCOUNT_COMMANDS.valueSerde().serializer())
        .pipeInput(key, command);
  }

  /** Sends raw text to the account commands topic, as a broken producer might. */
  public void sendText(String key, String text) {
    driver
        .createInputTopic(
            name(Topics.ACCOUNT_COMMANDS), new StringSerializer(), new StringSerializer())
        .pipeInput(key, text);
  }

  /** Drains the account events written so far. */
  public List<TestRecord<String, Event>> events() {
    return drain(Topics.ACCOUNT_EVENTS);
  }

  /** Drains the request outcomes written so far. */
  public List<TestRecord<String, Outcome>> outcomes() {
    return drain(Topics.REQUEST_OUTCOMES);
  }

  /** Drains the view documents written so far. */
  public List<TestRecord<String, ViewDocument>> views() {
    return drain(Topics.VIEWS);
  }

  /** Drains the default-queue jobs written so far. */
  public List<TestRecord<String, Job>> jobs() {
    return drain(Topics.JOBS_DEFAULT);
  }

  /** Returns a key-value store of the topology. */
  public <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** Returns the value of a Streams metric by name, summed over all its tag sets. */
  public double metric(String name) {
    return driver.metrics().entrySet().stream()
        .filter(entry -> entry.getKey().name().equals(name))
        .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
        .sum();
  }

  private <V> List<TestRecord<String, V>> drain(Topic<V> topic) {
    return driver
        .createOutputTopic(name(topic), new StringDeserializer(), topic.valueSerde().deserializer())
        .readRecordsToList();
  }

  private static String name(Topic<?> topic) {
    return topic.in(NAMESPACE);
  }

  @Override
  public void close() {
    driver.close();
  }
}
