package app.fixmo.workers.exports;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.ExportHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The workers' side of an export in Redis, laid out as {@link ExportHash} says: the CSV and the
 * hash saying whose it is and where it stands, both kept a day from when it was built. The edge
 * wrote the hash first, pending, when it accepted the request.
 */
final class ExportStore {

  /** How long an export is kept after it was built. */
  static final Duration KEPT = Duration.ofHours(24);

  // KEYS[1] the hash, KEYS[2] the CSV; ARGV[1] the provider, ARGV[2] the TTL in ms, ARGV[3] the
  // CSV, then the hash's field/value pairs. Returns 1 when written, 0 when the export was built
  // before (a rerun keeps the first result), -1 when the hash names another provider. Its
  // literals are ExportHash's PROVIDER_ID, STATE and READY.
  private static final String SAVE =
      """
      local owner = redis.call('HGET', KEYS[1], 'providerId')
      if owner and owner ~= ARGV[1] then return -1 end
      if redis.call('HGET', KEYS[1], 'state') == 'ready'
          and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
      redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
      redis.call('HSET', KEYS[1], unpack(ARGV, 4))
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1
      """;

  private final RedissonClient redis;
  private final FixmoConfig config;

  ExportStore(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
  }

  /** What became of a save. */
  enum Saved {
    WRITTEN,
    BUILT_BEFORE,
    OTHER_PROVIDER
  }

  /**
   * A built export.
   *
   * @param requestedAt when the provider asked for it
   * @param readyAt when it was built; it is kept {@link #KEPT} from then
   * @param rows bookings in it, the header not counted
   */
  record Built(
      String exportId,
      String providerId,
      Instant requestedAt,
      Instant readyAt,
      int rows,
      String csv) {

    /** Returns the size of the CSV in bytes, as UTF-8. */
    int bytes() {
      return csv.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /** Tells whether the export was built before, so a rerun need not read the bookings again. */
  boolean isBuilt(String exportId) {
    String state =
        redis.<String, String>getMap(hashKey(exportId), StringCodec.INSTANCE).get(ExportHash.STATE);
    return ExportHash.READY.equals(state) && redis.getBucket(csvKey(exportId)).isExists();
  }

  /** Stores the CSV and marks the export ready, both at once, unless it was built before. */
  Saved save(Built built) {
    List<Object> args = new ArrayList<>();
    args.add(built.providerId());
    args.add(Long.toString(KEPT.toMillis()));
    args.add(built.csv());
    addField(args, ExportHash.EXPORT_ID, built.exportId());
    addField(args, ExportHash.PROVIDER_ID, built.providerId());
    addField(args, ExportHash.STATE, ExportHash.READY);
    addField(args, ExportHash.REQUESTED_AT, built.requestedAt());
    addField(args, ExportHash.READY_AT, built.readyAt());
    addField(args, ExportHash.EXPIRES_AT, built.readyAt().plus(KEPT));
    addField(args, ExportHash.ROWS, built.rows());
    addField(args, ExportHash.BYTES, built.bytes());
    Long reply =
        redis
            .getScript(StringCodec.INSTANCE)
            .eval(
                RScript.Mode.READ_WRITE,
                SAVE,
                RScript.ReturnType.LONG,
                List.of(hashKey(built.exportId()), csvKey(built.exportId())),
                args.toArray());
    return switch (reply.intValue()) {
      case 1 -> Saved.WRITTEN;
      case 0 -> Saved.BUILT_BEFORE;
      default -> Saved.OTHER_PROVIDER;
    };
  }

  private static void addField(List<Object> args, String name, Object value) {
    args.add(name);
    args.add(value.toString());
  }

  private String hashKey(String exportId) {
    return RedisClients.key(config, ExportHash.keyName(exportId));
  }

  private String csvKey(String exportId) {
    return RedisClients.key(config, ExportHash.csvKeyName(exportId));
  }
}
