package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The workers' side of the job status hashes in Redis: reads whether a job is done, and writes its
 * status as it moves, never moving it back.
 *
 * <p>Every write goes through one Lua script that compares progress (see {@link
 * JobStatus#progress()}) inside Redis. Writes can therefore be sent without waiting for each other,
 * over any connection and in any order, and a late or duplicate one cannot undo a newer state; once
 * a job is marked done, nothing changes its status again.
 *
 * <p>Reads and writes are gathered in {@link Pipeline}s, sent as one network write each: a worker
 * thread handing Redis one command per job spends more time waking the network thread than running
 * jobs.
 */
public final class JobStatusStore {

  // KEYS[1] the hash; ARGV[1] the new progress, ARGV[2] the TTL in ms, then field/value pairs.
  // Returns 1 when written, 0 when the job is done, 2 when the stored status is further along.
  private static final String WRITE =
      """
      if redis.call('HGET', KEYS[1], 'done') == '1' then return 0 end
      local stored = tonumber(redis.call('HGET', KEYS[1], 'progress') or '-1')
      if tonumber(ARGV[1]) < stored then return 2 end
      redis.call('HSET', KEYS[1], unpack(ARGV, 3))
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1
      """;

  private final RedissonClient redis;
  private final FixmoConfig config;
  private final String ttlMillis;

  public JobStatusStore(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
    this.ttlMillis = Long.toString(config.get(Settings.JOBS_STATUS_TTL_S) * 1000L);
  }

  /** What the store knows of a job: whether it is done, and how far it came (-1: nothing). */
  public record Mark(boolean done, int progress) {}

  /** Reads a job's mark at once, for a caller that handles one job at a time. */
  public Mark read(String jobId) {
    Pipeline pipeline = pipeline();
    CompletableFuture<Mark> mark = pipeline.read(jobId);
    pipeline.send();
    return mark.join();
  }

  /** Writes a status at once, unless the stored one is further along; true if it landed. */
  public boolean write(JobStatus status) {
    Pipeline pipeline = pipeline();
    CompletableFuture<Boolean> written = pipeline.write(status, false);
    pipeline.send();
    return written.join();
  }

  /** Starts gathering commands to send together. */
  Pipeline pipeline() {
    return new Pipeline();
  }

  /**
   * Commands gathered to go to Redis together. Their futures complete once {@link #send()} has sent
   * them and Redis answered; after a send, the pipeline gathers anew.
   */
  final class Pipeline {

    private RBatch batch = redis.createBatch(BatchOptions.defaults());
    private int size;

    /** Adds a read of a job's done mark and progress. */
    CompletableFuture<Mark> read(String jobId) {
      size++;
      return batch
          .<String, String>getMap(key(jobId), StringCodec.INSTANCE)
          .getAllAsync(Set.of(JobStatus.DONE, JobStatus.PROGRESS))
          .toCompletableFuture()
          .thenApply(JobStatusStore::mark);
    }

    /** Adds a status write, marking the job done with it if asked; true if it landed. */
    CompletableFuture<Boolean> write(JobStatus status, boolean done) {
      size++;
      return batch
          .getScript(StringCodec.INSTANCE)
          .<Long>evalAsync(
              RScript.Mode.READ_WRITE,
              WRITE,
              RScript.ReturnType.LONG,
              List.of(key(status.jobId())),
              arguments(status, done))
          .toCompletableFuture()
          .thenApply(result -> result == 1L);
    }

    /** Tells whether commands wait to be sent. */
    boolean isEmpty() {
      return size == 0;
    }

    /** Sends what was gathered, without waiting for the answers. */
    void send() {
      if (size > 0) {
        batch.executeAsync();
        batch = redis.createBatch(BatchOptions.defaults());
        size = 0;
      }
    }
  }

  private Object[] arguments(JobStatus status, boolean done) {
    Map<String, String> fields = status.toFields();
    if (done) {
      fields.put(JobStatus.DONE, "1");
    }
    List<Object> args = new ArrayList<>();
    args.add(Integer.toString(status.progress()));
    args.add(ttlMillis);
    fields.forEach(
        (field, value) -> {
          args.add(field);
          args.add(value);
        });
    return args.toArray();
  }

  private String key(String jobId) {
    return RedisClients.key(config, JobStatus.keyName(jobId));
  }

  private static Mark mark(Map<String, String> fields) {
    String progress = fields.get(JobStatus.PROGRESS);
    return new Mark(
        "1".equals(fields.get(JobStatus.DONE)), progress == null ? -1 : Integer.parseInt(progress));
  }
}
