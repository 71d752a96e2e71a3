package app.fixmo.edge.exports;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.ExportHash;
import app.fixmo.schemas.jobs.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;

/**
 * The edge's side of exports in Redis, laid out as {@link ExportHash} says: the hash (read as an
 * {@link ExportRecord}) and the CSV, which the worker writes together. The edge writes the hash
 * when it accepts the request, to be kept a day; the worker keeps both a day from when it built the
 * CSV.
 *
 * <p>An export's id is its job's id, so the job's status ({@link JobStatus#keyName}) tells whether
 * the worker gave up on it.
 */
final class ExportRecords {

  /** How long a requested export is kept before it is built; the worker keeps it as long again. */
  static final Duration KEPT = Duration.ofHours(24);

  private final RedissonClient redis;
  private final FixmoConfig config;

  ExportRecords(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
  }

  /** A stored export and, when it still has one, its job's state. */
  record Found(ExportRecord record, Optional<JobStatus.State> job) {

    /** Returns where the export stands. */
    ExportRecord.State state() {
      return record.state(job);
    }

    /** Returns the export as the API shows it. */
    ExportView view() {
      return ExportView.of(record, job);
    }
  }

  /** Records a new export as pending, with its owner, before its job is submitted; returns it. */
  ExportRecord createPending(String exportId, String providerId, Instant requestedAt) {
    Map<String, String> fields =
        ExportRecord.pendingFields(exportId, providerId, requestedAt, requestedAt.plus(KEPT));
    RBatch batch =
        redis.createBatch(
            BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
    var hash = batch.<String, String>getMap(hashKey(exportId), StringCodec.INSTANCE);
    hash.putAllAsync(fields);
    hash.expireAsync(KEPT);
    batch.execute();
    return ExportRecord.fromFields(fields).orElseThrow();
  }

  /** Forgets an export whose job was never submitted, or lost to an earlier request's. */
  void forget(String exportId) {
    redis.getMap(hashKey(exportId), StringCodec.INSTANCE).delete();
  }

  /** Returns an export and its job's state, read together; empty when unknown or expired. */
  Optional<Found> find(String exportId) {
    RBatch batch = redis.createBatch();
    RFuture<Map<String, String>> export =
        batch.<String, String>getMap(hashKey(exportId), StringCodec.INSTANCE).readAllMapAsync();
    RFuture<Map<String, String>> job =
        batch
            .<String, String>getMap(
                RedisClients.key(config, JobStatus.keyName(exportId)), StringCodec.INSTANCE)
            .readAllMapAsync();
    batch.execute();

    Optional<JobStatus.State> jobState =
        JobStatus.fromFields(job.toCompletableFuture().join()).map(JobStatus::state);
    return ExportRecord.fromFields(export.toCompletableFuture().join())
        .map(record -> new Found(record, jobState));
  }

  /** Returns the CSV of a built export; empty when it is not built or expired. */
  Optional<byte[]> csv(String exportId) {
    return Optional.ofNullable(
        redis.<byte[]>getBucket(csvKey(exportId), ByteArrayCodec.INSTANCE).get());
  }

  private String hashKey(String exportId) {
    return RedisClients.key(config, ExportHash.keyName(exportId));
  }

  private String csvKey(String exportId) {
    return RedisClients.key(config, ExportHash.csvKeyName(exportId));
  }
}
