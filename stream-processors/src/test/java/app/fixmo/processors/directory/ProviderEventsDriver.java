package app.fixmo.processors.directory;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.processors.ProcessorsService;
import app.fixmo.processors.bookinglists.BookingListsTopology;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.ViewDocument;
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
 * The directory and the booking lists side by side on one shared provider events source, as the
 * processors run them, with the processors' own Streams settings.
 */
public final class ProviderEventsDriver implements AutoCloseable {

  /** The namespace of every topic the driver reads and writes. */
  public static final String NAMESPACE = "test";

  private final TopologyTestDriver driver;

  public ProviderEventsDriver(Path stateDir) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_NAMESPACE", NAMESPACE, "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
    this.driver = new TopologyTestDriver(topology(), ProcessorsService.streamsProperties(config));
  }

  private static Topology topology() {
    Topology topology = new Topology();
    String source = ProviderEventsSource.add(topology, NAMESPACE);
    DirectoryTopology.addTo(topology, NAMESPACE, source);
    BookingListsTopology.addTo(topology, NAMESPACE, source);
    return topology;
  }

  /** Sends an event to the provider events, keyed and timestamped as the event says. */
  public void send(Event event) {
    driver
        .createInputTopic(
            Topics.PROVIDER_EVENTS.in(NAMESPACE),
            new StringSerializer(),
            Topics.PROVIDER_EVENTS.valueSerde().serializer())
        .pipeInput(event.key(), event, event.at());
  }

  /** Drains the view documents written so far. */
  public List<TestRecord<String, ViewDocument>> views() {
    return driver
        .createOutputTopic(
            Topics.VIEWS.in(NAMESPACE),
            new StringDeserializer(),
            Topics.VIEWS.valueSerde().deserializer())
        .readRecordsToList();
  }

  /** Drains the view documents written so far and returns those of one view, in order. */
  public List<ViewDocument> views(String view) {
    return views().stream()
        .map(TestRecord::value)
        .filter(document -> document.view().equals(view))
        .toList();
  }

  /** Returns a key-value store of the topology. */
  public <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  @Override
  public void close() {
    driver.close();
  }
}
