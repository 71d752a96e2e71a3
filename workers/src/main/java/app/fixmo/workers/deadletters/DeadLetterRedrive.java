package app.fixmo.workers.deadletters;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import app.fixmo.workers.jobs.JobStatusStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts dead jobs back on their lanes, for an operator who fixed what killed them.
 *
 * <p>A re-driven job keeps its id and gets the next attempt number, so that the workers' duplicate
 * check (which compares attempts) lets it run, and its status moves forward to {@code queued}. That
 * attempt is past the type's last one, so a re-driven job that fails again goes straight back to
 * the dead letters rather than through another round of back-offs; the operator re-drives it again
 * once the cause is mended.
 *
 * <p>Each dead job is re-driven once: the latest dead letter of a job is the one used, a job whose
 * status has moved past that letter (re-driven, or done) is skipped, and a claim in Redis stops a
 * second operator re-driving the same letter at the same moment. A dead letter whose record is not
 * a job (a malformed record) cannot be re-driven; it is reported, for the operator to fix and
 * produce anew.
 */
public final class DeadLetterRedrive {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrive.class);
  // As long as the lanes keep their records: a letter re-driven once stays claimed past them.
  private static final Duration CLAIM_TTL = Duration.ofDays(7);

  private final KafkaClients kafka;
  private final RedissonClient redis;
  private final FixmoConfig config;
  private final JobStatusStore statuses;
  private final Clock clock;

  public DeadLetterRedrive(FixmoConfig config, RedissonClient redis, Clock clock) {
    this.kafka = new KafkaClients(config);
    this.redis = redis;
    this.config = config;
    this.statuses = new JobStatusStore(redis, config);
    this.clock = clock;
  }

  /** What happened to one dead letter: re-driven, or skipped and why. */
  public record Outcome(DeadLetter letter, boolean redriven, String note) {}

  /**
   * Re-drives the dead jobs that match, or with {@code dryRun} only says which it would; returns
   * one outcome per job, in the order of the topic.
   */
  public List<Outcome> redrive(DeadLetterFilter filter, boolean dryRun) {
    List<Outcome> outcomes = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (DeadLetter letter : latestPerJob(new DeadLetterReader(kafka).read(filter))) {
        Outcome outcome = redriveOne(letter, dryRun, producer);
        log.info(
            "dead job {} ({}) {}: {}",
            letter.job().jobId(),
            letter.job().type(),
            outcome.redriven() ? "re-driven" : "skipped",
            outcome.note());
        outcomes.add(outcome);
      }
    }
    return outcomes;
  }

  private static List<DeadLetter> latestPerJob(List<DeadLetter> letters) {
    Map<String, DeadLetter> latest = new LinkedHashMap<>();
    for (DeadLetter letter : letters) {
      String key = letter.job().jobId() != null ? letter.job().jobId() : position(letter);
      latest.merge(key, letter, (a, b) -> a.job().at().isAfter(b.job().at()) ? a : b);
    }
    return List.copyOf(latest.values());
  }

  private Outcome redriveOne(
      DeadLetter letter, boolean dryRun, KafkaProducer<String, byte[]> producer) {
    Optional<Job> read = job(letter.job());
    if (read.isEmpty()) {
      return new Outcome(letter, false, "its record is not a job; fix it and produce it anew");
    }
    Job job = read.get();
    int deadProgress = JobStatus.progress(job.attempt(), JobStatus.State.DEAD);
    if (statuses.read(job.id().toString()).progress() > deadProgress) {
      return new Outcome(letter, false, "it was re-driven or ran since it died");
    }
    if (dryRun) {
      return new Outcome(letter, false, "would be re-driven (dry run)");
    }
    if (!claim(letter)) {
      return new Outcome(letter, false, "another re-drive claimed it");
    }
    send(job.nextAttempt(null), producer);
    return new Outcome(letter, true, "attempt " + (job.attempt() + 1) + " queued");
  }

  private static Optional<Job> job(DeadJob dead) {
    if (dead.record() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(dead.record(), Job.class));
    } catch (SchemaViolation e) {
      return Optional.empty();
    }
  }

  private boolean claim(DeadLetter letter) {
    String name = "job-redrive:" + position(letter);
    return redis
        .<String>getBucket(RedisClients.key(config, name), StringCodec.INSTANCE)
        .setIfAbsent(clock.instant().toString(), CLAIM_TTL);
  }

  private void send(Job job, KafkaProducer<String, byte[]> producer) {
    statuses.write(JobStatus.waiting(job, JobStatus.State.QUEUED));
    String topic = kafka.name(JobLanes.topicOf(job.queue()));
    var record = new ProducerRecord<>(topic, job.id().toString(), Json.toBytes(job));
    KafkaHeaders.stamp(record.headers(), job.type(), job.requestId(), job.traceparent());
    try {
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not re-drive job " + job.id(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while re-driving job " + job.id(), e);
    }
  }

  private static String position(DeadLetter letter) {
    return letter.partition() + "/" + letter.offset();
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(kafka.producer("fixmo-redrive"), null, new ByteArraySerializer());
  }

  /** Returns the dead jobs the filter names: what an operator reads before re-driving. */
  public List<DeadLetter> list(DeadLetterFilter filter) {
    return new DeadLetterReader(kafka).read(filter);
  }
}
