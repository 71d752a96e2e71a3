package app.fixmo.edge.jobs;

import app.fixmo.edge.http.ApiException;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.redisson.api.RBatch;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a job on Kafka for a caller (an internal caller of {@code /api/jobs}, or a route of the edge
 * that starts background work): claims its idempotency key, writes its first status, then produces
 * it to its lane, or to the scheduled topic when its runAt lies ahead.
 *
 * <p>The status is written before the job is produced, so a worker's later writes always land on
 * top of it. If the job cannot be produced, its claim and status are removed and the caller gets
 * 503, so a retry with the same key submits it afresh.
 */
public final class JobSubmitter {

  private static final Logger log = LoggerFactory.getLogger(JobSubmitter.class);
  private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  // Past the producer's delivery timeout (30 s) a send has failed for sure. Waiting less could
  // answer 503 for a job that is stored after all, and a retry would then submit it twice.
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(35);

  private final KafkaProducer<String, byte[]> producer;
  private final KafkaClients kafka;
  private final RedissonClient redis;
  private final FixmoConfig config;
  private final Duration statusTtl;

  public JobSubmitter(
      KafkaProducer<String, byte[]> producer, RedissonClient redis, FixmoConfig config) {
    this.producer = producer;
    this.kafka = new KafkaClients(config);
    this.redis = redis;
    this.config = config;
    this.statusTtl = Duration.ofSeconds(config.get(Settings.JOBS_STATUS_TTL_S));
  }

  /** What a submission came to: the job's id, and whether an earlier one with its key won. */
  public record Submitted(String jobId, JobStatus.State state, boolean replayed) {}

  /** Submits the job, unless its idempotency key names an earlier one from the same caller. */
  public Submitted submit(Job job, String caller, Instant now) {
    Optional<RBucket<String>> claim = Optional.empty();
    if (job.idempotencyKey() != null) {
      RBucket<String> key = idempotencyKey(caller, job.idempotencyKey());
      if (!key.setIfAbsent(job.id().toString(), IDEMPOTENCY_WINDOW)) {
        return replay(key);
      }
      claim = Optional.of(key);
    }
    JobStatus status = firstStatus(job, now);
    writeStatus(status);
    try {
      send(job, now);
    } catch (ApiException e) {
      claim.ifPresent(RBucket::delete);
      redis.getMap(statusKey(status.jobId()), StringCodec.INSTANCE).delete();
      throw e;
    }
    return new Submitted(status.jobId(), status.state(), false);
  }

  private Submitted replay(RBucket<String> key) {
    String first = key.get();
    if (first == null) {
      throw ApiException.unavailable("the idempotency key expired while read; send it again");
    }
    JobStatus.State state =
        JobStatus.fromFields(
                redis.<String, String>getMap(statusKey(first), StringCodec.INSTANCE).readAllMap())
            .map(JobStatus::state)
            .orElse(JobStatus.State.QUEUED);
    return new Submitted(first, state, true);
  }

  private static JobStatus firstStatus(Job job, Instant now) {
    JobStatus.State state = job.isDueBy(now) ? JobStatus.State.QUEUED : JobStatus.State.SCHEDULED;
    return JobStatus.waiting(job, state);
  }

  private void writeStatus(JobStatus status) {
    RBatch batch = redis.createBatch();
    var hash = batch.<String, String>getMap(statusKey(status.jobId()), StringCodec.INSTANCE);
    hash.putAllAsync(status.toFields());
    hash.expireAsync(statusTtl);
    batch.execute();
  }

  private void send(Job job, Instant now) {
    Topic<Job> topic = job.isDueBy(now) ? JobLanes.topicOf(job.queue()) : Topics.JOBS_SCHEDULED;
    var record = new ProducerRecord<>(kafka.name(topic), job.id().toString(), Json.toBytes(job));
    KafkaHeaders.stamp(record.headers(), job.type(), job.requestId(), job.traceparent());
    try {
      producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("could not produce job {} to {}: {}", job.id(), record.topic(), e.toString());
      throw ApiException.unavailable("the job could not be queued; try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the job could not be queued; try again");
    }
  }

  private RBucket<String> idempotencyKey(String caller, String key) {
    return redis.getBucket(
        RedisClients.key(config, "job-idempotency:" + caller + ":" + key), StringCodec.INSTANCE);
  }

  private String statusKey(String jobId) {
    return RedisClients.key(config, JobStatus.keyName(jobId));
  }
}
