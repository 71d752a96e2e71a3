package app.fixmo.processors.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The schedule stores of this instance's scheduler tasks, so a gauge can tell how many jobs wait.
 * The count is RocksDB's estimate of its keys: close, not exact, and 0 for a task on another
 * instance.
 */
final class ScheduledJobs {

  private final Map<TaskId, KeyValueStore<String, ?>> stores = new ConcurrentHashMap<>();

  void track(TaskId task, KeyValueStore<String, ?> store) {
    stores.put(task, store);
  }

  void forget(TaskId task) {
    stores.remove(task);
  }

  /** Returns about how many jobs this instance holds for later. */
  double count() {
    long total = 0;
    for (KeyValueStore<String, ?> store : stores.values()) {
      try {
        total += store.approximateNumEntries();
      } catch (RuntimeException e) {
        // A store closing while the gauge reads it: it counts as empty this time.
      }
    }
    return total;
  }
}
