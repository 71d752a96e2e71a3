package app.fixmo.processors.deciding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each aggregate of a {@link Refreshing} decider is due, kept in a key-value store whose keys
 * sort by time: {@code <epoch millis, zero-padded to 19 digits>|<aggregate key>}. A range scan up
 * to now finds every due aggregate without reading the others.
 *
 * <p>An aggregate has at most one entry while its schedule is kept through {@link #move}; an entry
 * left behind (a rule that changed between versions) is harmless, because a due entry is checked
 * against the state before anything is refreshed.
 */
final class RefreshSchedule {

  private static final int MILLIS_DIGITS = 19;

  private final KeyValueStore<String, String> store;

  RefreshSchedule(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** One due entry: its store key and the aggregate it names. */
  record Due(String entry, String key) {}

  /** Moves an aggregate's entry from one time to another; either may be empty. */
  void move(String key, Optional<Instant> before, Optional<Instant> after) {
    if (before.equals(after)) {
      return;
    }
    before.ifPresent(at -> store.delete(entry(at, key)));
    after.ifPresent(at -> store.put(entry(at, key), key));
  }

  /** Returns up to {@code limit} entries due at {@code now}, earliest first. */
  List<Due> due(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    // The bound is exclusive in effect: every key of the next millisecond sorts after it.
    String until = pad(now.toEpochMilli() + 1);
    try (KeyValueIterator<String, String> entries = store.range(pad(0), until)) {
      while (entries.hasNext() && due.size() < limit) {
        KeyValue<String, String> entry = entries.next();
        due.add(new Due(entry.key, entry.value));
      }
    }
    return due;
  }

  /** Removes a due entry. */
  void remove(Due due) {
    store.delete(due.entry());
  }

  private static String entry(Instant at, String key) {
    return pad(ceilMillis(at)) + "|" + key;
  }

  // Rounded up, so that an entry is never due before its instant.
  private static long ceilMillis(Instant at) {
    long millis = at.toEpochMilli();
    return at.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  private static String pad(long millis) {
    String digits = Long.toString(Math.max(0, millis));
    return "0".repeat(MILLIS_DIGITS - digits.length()) + digits;
  }
}
