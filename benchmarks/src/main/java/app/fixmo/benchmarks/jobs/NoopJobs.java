package app.fixmo.benchmarks.jobs;

import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces {@code diagnostics.noop} jobs straight to the default lane's topic, as an outside
 * producer would: JSON values, keyed by job id, with a plain producer.
 */
final class NoopJobs implements AutoCloseable {

  private static final JsonNode EMPTY = Json.tree("{}");

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  NoopJobs(String bootstrapServers, String topic) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                1,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new StringSerializer(),
            new ByteArraySerializer());
    this.topic = topic;
  }

  /** Sends one job submitted at {@code submittedAt}; the future completes once it is stored. */
  Future<RecordMetadata> send(Instant submittedAt) {
    Job job =
        new Job(
            Ids.newId(),
            JobTypes.DEFAULT_QUEUE,
            JobTypes.DIAGNOSTICS_NOOP,
            EMPTY,
            1,
            null,
            null,
            "benchmark",
            submittedAt,
            Job.SCHEMA_VERSION,
            "bench",
            null);
    return producer.send(new ProducerRecord<>(topic, job.id().toString(), Json.toBytes(job)));
  }

  /** Waits until every job sent so far is stored. */
  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
