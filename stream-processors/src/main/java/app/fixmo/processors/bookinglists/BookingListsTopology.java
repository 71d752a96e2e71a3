package app.fixmo.processors.bookinglists;

import app.fixmo.processors.directory.ProviderEventsSource;
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
 * Every account's bookings, as a customer and as a provider, built from the booking events in two
 * stages with the Processor API:
 *
 * <pre>
 * source provider-events-source          fixmo.providers.events (shared, see ProviderEventsSource)
 *   processor booking-lists-fan-out      a booking event to each of the booking's two parties
 *     sink booking-lists-by-account-sink     fixmo.bookings.by-account, keyed by account id
 * source booking-lists-by-account-source fixmo.bookings.by-account
 *   processor booking-lists-builder      with the persistent key-value store account-bookings
 *     sink booking-lists-views-sink          fixmo.views, account-bookings/{account id}
 * </pre>
 *
 * <p>A booking event carries the whole booking, so the fan-out keeps no state; the builder keeps
 * the newest version of each booking per account and ignores older ones, which makes a redelivered
 * or reordered event harmless.
 *
 * <p>Warning: an account's list is never trimmed. Every booking an account ever had stays in its
 * stored state and in its document, so a busy provider's document grows for as long as it works;
 * the edge slices pages out of it, but the views topic and the cache carry it whole.
 */
public final class BookingListsTopology {

  /** The store of each account's bookings and version, by account id. */
  public static final String STORE = "account-bookings";

  static final String FAN_OUT = "booking-lists-fan-out";
  static final String BY_ACCOUNT_SINK = "booking-lists-by-account-sink";
  static final String BY_ACCOUNT_SOURCE = "booking-lists-by-account-source";
  static final String BUILDER = "booking-lists-builder";
  static final String VIEWS_SINK = "booking-lists-views-sink";

  private BookingListsTopology() {}

  /** Adds the booking lists, with their own provider events source unless the topology has it. */
  public static Topology addTo(Topology topology, String namespace) {
    return addTo(topology, namespace, ProviderEventsSource.add(topology, namespace));
  }

  /** Adds the booking lists, reading provider events from the named source node. */
  public static Topology addTo(
      Topology topology, String namespace, String providerEventsSourceName) {
    topology.addProcessor(FAN_OUT, BookingFanOut::new, providerEventsSourceName);
    addSink(topology, BY_ACCOUNT_SINK, Topics.BOOKINGS_BY_ACCOUNT, namespace, FAN_OUT);

    topology.addSource(
        BY_ACCOUNT_SOURCE,
        Serdes.String().deserializer(),
        Topics.BOOKINGS_BY_ACCOUNT.valueSerde().deserializer(),
        Topics.BOOKINGS_BY_ACCOUNT.in(namespace));
    topology.addProcessor(BUILDER, AccountBookingsBuilder::new, BY_ACCOUNT_SOURCE);
    topology.addStateStore(store(), BUILDER);
    addSink(topology, VIEWS_SINK, Topics.VIEWS, namespace, BUILDER);
    return topology;
  }

  private static StoreBuilder<KeyValueStore<String, AccountBookingsState>> store() {
    // Logged (the default): the changelog restores the lists after a crash or a move to
    // another instance, inside the same transactions as the documents.
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE),
        Serdes.String(),
        JsonSerde.of(AccountBookingsState.class));
  }

  private static void addSink(
      Topology topology, String name, Topic<?> topic, String namespace, String parent) {
    topology.addSink(
        name, topic.in(namespace), new StringSerializer(), topic.valueSerde().serializer(), parent);
  }
}
