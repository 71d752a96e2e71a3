package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of a poll on its way through {@link JobRunner}: what it holds, what became of it, and
 * the writes that must land before it is acknowledged.
 */
final class Delivery {

  /** What a record turned out to be when read. */
  enum Kind {
    UNREADABLE,
    UNKNOWN_TYPE,
    NOT_DUE,
    RUNNABLE
  }

  final ConsumerRecord<String, byte[]> record;
  final Kind kind;
  final Job job;
  final JobHandler handler;
  final String problem;

  CompletableFuture<JobStatusStore.Mark> mark;
  AcknowledgeType acknowledgement = AcknowledgeType.RELEASE;
  Settlement settlement = Settlement.RELEASED;

  /** A record sent to Kafka (a retry, a dead letter); it must be stored before the ack. */
  CompletableFuture<?> sent;

  /** The status to write once {@link #sent} is stored, so it never tells of a lost record. */
  JobStatus statusOnceSent;

  /** When its handler was called, if it was. */
  Instant started;

  /** Status writes to wait for before the acknowledgement. */
  final List<CompletableFuture<?>> writes = new ArrayList<>();

  private Delivery(
      ConsumerRecord<String, byte[]> record,
      Kind kind,
      Job job,
      JobHandler handler,
      String problem) {
    this.record = record;
    this.kind = kind;
    this.job = job;
    this.handler = handler;
    this.problem = problem;
  }

  static Delivery unreadable(ConsumerRecord<String, byte[]> record, String problem) {
    return new Delivery(record, Kind.UNREADABLE, null, null, problem);
  }

  static Delivery of(
      ConsumerRecord<String, byte[]> record, Kind kind, Job job, JobHandler handler) {
    return new Delivery(record, kind, job, handler, null);
  }

  /** Returns how many times the broker has handed out this record, counting this time. */
  int deliveryCount() {
    return record.deliveryCount().map(Short::intValue).orElse(1);
  }

  /** Settles the delivery. */
  void settle(Settlement settlement, AcknowledgeType acknowledgement) {
    this.settlement = settlement;
    this.acknowledgement = acknowledgement;
  }
}
