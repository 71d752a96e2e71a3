package app.fixmo.processors.directory;

import app.fixmo.schemas.json.JsonSerde;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The provider directory: lists of providers per category and city, and how many each category has,
 * built from the providers' summaries in three stages with the Processor API:
 *
 * <pre>
 * source provider-events-source        fixmo.providers.events (shared, see ProviderEventsSource)
 *   processor directory-fan-out        a summary change to the entries of the lists it touches
 *     sink directory-entries-sink          fixmo.directory.entries, keyed by list key
 * source directory-entries-source      fixmo.directory.entries
 *   processor directory-list-builder   with the persistent key-value store directory-lists
 *     sink directory-list-views-sink       fixmo.views, provider-list/{list key}
 *     sink directory-sizes-sink            fixmo.directory.sizes, keyed by all
 * source directory-sizes-source        fixmo.directory.sizes (one partition)
 *   processor directory-category-counter  with the persistent key-value store directory-categories
 *     sink directory-category-views-sink   fixmo.views, categories/all
 * </pre>
 *
 * <p>Re-keying through topics puts each list, and then all the counts, in the hands of one task, so
 * no two tasks ever write one document. The stages run exactly-once like the rest of the topology:
 * a store change, its documents and the offset it read commit together.
 *
 * <p>Warning: lists are not paged here. A list document holds every provider of a category in a
 * city, and the edge slices pages out of it; a city with many thousands of providers in one
 * category makes a document of megabytes, which the views topic and the cache carry whole.
 */
public final class DirectoryTopology {

  /** The store of every list's cards and version, by list key. */
  public static final String LISTS_STORE = "directory-lists";

  /** The store of the sizes of all lists, under the one key {@code all}. */
  public static final String CATEGORIES_STORE = "directory-categories";

  static final String FAN_OUT = "directory-fan-out";
  static final String ENTRIES_SINK = "directory-entries-sink";
  static final String ENTRIES_SOURCE = "directory-entries-source";
  static final String LIST_BUILDER = "directory-list-builder";
  static final String LIST_VIEWS_SINK = "directory-list-views-sink";
  static final String SIZES_SINK = "directory-sizes-sink";
  static final String SIZES_SOURCE = "directory-sizes-source";
  static final String CATEGORY_COUNTER = "directory-category-counter";
  static final String CATEGORY_VIEWS_SINK = "directory-category-views-sink";

  private DirectoryTopology() {}

  /** Adds the directory, with its own provider events source unless the topology has it. */
  public static Topology addTo(Topology topology, String namespace) {
    return addTo(topology, namespace, ProviderEventsSource.add(topology, namespace));
  }

  /** Adds the directory, reading provider events from the named source node. */
  public static Topology addTo(
      Topology topology, String namespace, String providerEventsSourceName) {
    topology.addProcessor(FAN_OUT, DirectoryFanOut::new, providerEventsSourceName);
    addSink(topology, ENTRIES_SINK, Topics.DIRECTORY_ENTRIES, namespace, FAN_OUT);

    addSource(topology, ENTRIES_SOURCE, Topics.DIRECTORY_ENTRIES, namespace);
    topology.addProcessor(LIST_BUILDER, ListBuilder::new, ENTRIES_SOURCE);
    topology.addStateStore(store(LISTS_STORE, ListState.class), LIST_BUILDER);
    addSink(topology, LIST_VIEWS_SINK, Topics.VIEWS, namespace, LIST_BUILDER);
    addSink(topology, SIZES_SINK, Topics.DIRECTORY_SIZES, namespace, LIST_BUILDER);

    addSource(topology, SIZES_SOURCE, Topics.DIRECTORY_SIZES, namespace);
    topology.addProcessor(CATEGORY_COUNTER, CategoryCounter::new, SIZES_SOURCE);
    topology.addStateStore(store(CATEGORIES_STORE, CategoryCountsState.class), CATEGORY_COUNTER);
    addSink(topology, CATEGORY_VIEWS_SINK, Topics.VIEWS, namespace, CATEGORY_COUNTER);
    return topology;
  }

  private static <S> StoreBuilder<KeyValueStore<String, S>> store(String name, Class<S> type) {
    // Logged (the default): the changelog restores the lists after a crash or a move to
    // another instance, inside the same transactions as the documents.
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type));
  }

  private static void addSource(Topology topology, String name, Topic<?> topic, String namespace) {
    topology.addSource(
        name,
        Serdes.String().deserializer(),
        topic.valueSerde().deserializer(),
        topic.in(namespace));
  }

  private static void addSink(
      Topology topology, String name, Topic<?> topic, String namespace, String parent) {
    topology.addSink(
        name, topic.in(namespace), new StringSerializer(), topic.valueSerde().serializer(), parent);
  }
}
