package app.fixmo.workers.jobs;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where workers send jobs they do not run now: later attempts and jobs not yet due to the scheduled
 * topic, dead jobs to the dead-letter topic. One idempotent producer, shared by every consumer
 * thread of the worker.
 */
final class JobOutbox implements AutoCloseable {

  /** The type header of dead letters. */
  static final String DEAD_TYPE = "job.dead";

  private final KafkaProducer<String, byte[]> producer;
  private final String scheduledTopic;
  private final String deadTopic;

  JobOutbox(KafkaClients kafka) {
    this.producer =
        new KafkaProducer<>(
            kafka.producer("job-outbox"), new StringSerializer(), new ByteArraySerializer());
    this.scheduledTopic = kafka.name(Topics.JOBS_SCHEDULED);
    this.deadTopic = kafka.name(Topics.JOBS_DEAD);
  }

  /** Sends a job to the scheduled topic, keyed by its id. */
  CompletableFuture<RecordMetadata> schedule(Job job) {
    var record = new ProducerRecord<>(scheduledTopic, job.id().toString(), Json.toBytes(job));
    KafkaHeaders.stamp(record.headers(), job.type(), job.requestId(), job.traceparent());
    return send(record);
  }

  /** Sends a dead letter, keyed by the job id or, for an unreadable record, by its position. */
  CompletableFuture<RecordMetadata> deadLetter(DeadJob dead, String requestId, String traceparent) {
    String key =
        dead.jobId() != null
            ? dead.jobId()
            : dead.sourceTopic() + "/" + dead.sourcePartition() + "/" + dead.sourceOffset();
    var record = new ProducerRecord<>(deadTopic, key, Json.toBytes(dead));
    KafkaHeaders.stamp(record.headers(), DEAD_TYPE, requestId, traceparent);
    return send(record);
  }

  private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              sent.complete(metadata);
            } else {
              sent.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
