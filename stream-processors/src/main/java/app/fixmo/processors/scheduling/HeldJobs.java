package app.fixmo.processors.scheduling;

import app.fixmo.schemas.envelopes.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The jobs one scheduler task holds, in two stores kept in step: the schedule ({@link ScheduleKeys}
 * to job), which a range scan reads in runAt order, and its index (job id to schedule key), which
 * finds a job by id alone, so that a tombstone can withdraw it.
 *
 * <p>Every change touches both stores on the task's stream thread, and both are logged, so their
 * changelogs commit in the same transaction and a restored task finds them agreeing. At most one
 * copy of a job id is held: holding a job again replaces the copy held before.
 */
final class HeldJobs {

  private final KeyValueStore<String, Job> schedule;
  private final KeyValueStore<String, String> index;

  HeldJobs(KeyValueStore<String, Job> schedule, KeyValueStore<String, String> index) {
    this.schedule = schedule;
    this.index = index;
  }

  /** Holds a job until its runAt, which must be set. */
  void hold(Job job) {
    String key = ScheduleKeys.of(job);
    schedule.put(key, job);
    index.put(job.id().toString(), key);
  }

  /** Takes out the job held under an id; empty when none is (never held, or released already). */
  Optional<Job> remove(String jobId) {
    // Read first: a logged store's delete writes a changelog tombstone even for a missing key,
    // and most ids asked for here (every job held anew) have none.
    String key = index.get(jobId);
    if (key == null) {
      return Optional.empty();
    }
    index.delete(jobId);
    return Optional.ofNullable(schedule.delete(key));
  }

  /** Takes out up to {@code limit} jobs due at {@code now}, earliest first. */
  List<Job> takeDue(Instant now, int limit) {
    List<KeyValue<String, Job>> due = new ArrayList<>();
    try (KeyValueIterator<String, Job> entries = schedule.range(null, ScheduleKeys.dueBy(now))) {
      while (entries.hasNext() && due.size() < limit) {
        due.add(entries.next());
      }
    }

    for (KeyValue<String, Job> entry : due) {
      schedule.delete(entry.key);
      forget(entry.value.id().toString(), entry.key);
    }
    return due.stream().map(entry -> entry.value).toList();
  }

  // Only when the index points at this entry: one held before the index existed has no line in
  // it, and its id may since have been held again under another key.
  private void forget(String jobId, String key) {
    if (key.equals(index.get(jobId))) {
      index.delete(jobId);
    }
  }
}
