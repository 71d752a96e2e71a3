package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import java.time.Instant;

/**
 * Hears what became of each delivery, once Redis and Kafka hold it and before it is acknowledged.
 */
@FunctionalInterface
public interface JobListener {

  /** A listener that does nothing. */
  JobListener NONE = (job, settlement, at) -> {};

  /** Called on the worker thread; keep it short. */
  void settled(Job job, Settlement settlement, Instant at);
}
