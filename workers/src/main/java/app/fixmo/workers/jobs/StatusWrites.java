package app.fixmo.workers.jobs;

import app.fixmo.schemas.jobs.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The status writes of one poll, sent in pipelines: fast jobs' writes go together, at most {@value
 * #GATHER_MILLIS} ms after the first of them; around a slow job they go at once, so its running
 * state shows while it runs and its done mark leaves as soon as it returns. A write that a later
 * one of the same job overtakes before they are sent is dropped: a fast job's running state is
 * never sent, only its end.
 *
 * <p>The window for a second run after a crash is therefore the job's own effect plus at most
 * {@value #GATHER_MILLIS} ms of gathering: the done marks of fast jobs that finished in that time
 * may not have reached Redis.
 */
final class StatusWrites {

  static final long GATHER_MILLIS = 10;
  private static final long GATHER_NANOS = GATHER_MILLIS * 1_000_000;

  private final JobStatusStore store;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private long firstPendingNanos;
  private boolean lastJobWasSlow;

  private record Pending(JobStatus status, boolean done, CompletableFuture<Boolean> landed) {}

  StatusWrites(JobStatusStore store) {
    this.store = store;
  }

  /** Adds a write; it goes with the next send, unless a later write of the job overtakes it. */
  CompletableFuture<Boolean> write(JobStatus status, boolean done) {
    if (pending.isEmpty()) {
      firstPendingNanos = System.nanoTime();
    }
    CompletableFuture<Boolean> landed = new CompletableFuture<>();
    Pending overtaken = pending.put(status.jobId(), new Pending(status, done, landed));
    if (overtaken != null) {
      landed.whenComplete(
          (result, error) -> {
            if (error == null) {
              overtaken.landed().complete(false);
            } else {
              overtaken.landed().completeExceptionally(error);
            }
          });
    }
    return landed;
  }

  /** Called before a handler runs: sends now if the last job was slow or writes waited long. */
  void beforeHandler() {
    if (lastJobWasSlow || waitedLong()) {
      send();
    }
  }

  /** Called after a handler ran for {@code nanos}: a slow job's writes leave at once. */
  void afterHandler(long nanos) {
    lastJobWasSlow = nanos >= GATHER_NANOS;
    if (lastJobWasSlow || waitedLong()) {
      send();
    }
  }

  /** Sends whatever waits, in one pipeline. */
  void send() {
    if (pending.isEmpty()) {
      return;
    }
    JobStatusStore.Pipeline pipeline = store.pipeline();
    for (Pending write : pending.values()) {
      pipeline
          .write(write.status(), write.done())
          .whenComplete(
              (result, error) -> {
                if (error == null) {
                  write.landed().complete(result);
                } else {
                  write.landed().completeExceptionally(error);
                }
              });
    }
    pending.clear();
    pipeline.send();
  }

  private boolean waitedLong() {
    return !pending.isEmpty() && System.nanoTime() - firstPendingNanos >= GATHER_NANOS;
  }
}
