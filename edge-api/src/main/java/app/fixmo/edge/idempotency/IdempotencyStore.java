package app.fixmo.edge.idempotency;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.json.Json;
import java.time.Duration;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Idempotency keys in Redis, one key each ({@code fixmo:<ns>:idempotency:<scope>:<sha256 of key>}),
 * holding the {@link FirstRequest} for a day. Claiming is a set-if-absent, so of any number of
 * concurrent requests with one key, on any number of edges, exactly one becomes the first.
 */
public final class IdempotencyStore {

  /** How long a key is remembered, as the API contract promises. */
  public static final Duration TTL = Duration.ofHours(24);

  private final RedissonClient redis;
  private final FixmoConfig config;

  public IdempotencyStore(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
  }

  /** Returns the first request of a key, or empty when the key is new (or expired). */
  public Optional<FirstRequest> find(IdempotentWrite write) {
    return Optional.ofNullable(bucket(write).get())
        .map(json -> Json.read(json, FirstRequest.class));
  }

  /**
   * Makes a request the first of its key, unless another got there before; returns that other one,
   * or empty when this request won.
   */
  public Optional<FirstRequest> claim(IdempotentWrite write, String requestId) {
    RBucket<String> bucket = bucket(write);
    String claim = Json.toText(new FirstRequest(requestId, write.fingerprint()));
    while (true) {
      if (bucket.setIfAbsent(claim, TTL)) {
        return Optional.empty();
      }
      Optional<FirstRequest> earlier = find(write);
      if (earlier.isPresent()) {
        return earlier;
      }
      // The earlier claim expired between the two calls: try again to be first.
    }
  }

  /** Forgets a key whose first request never reached Kafka, so that a retry may send it. */
  public void release(IdempotentWrite write) {
    bucket(write).delete();
  }

  private RBucket<String> bucket(IdempotentWrite write) {
    String name = "idempotency:" + write.scope() + ":" + write.hashedKey();
    return redis.getBucket(RedisClients.key(config, name), StringCodec.INSTANCE);
  }
}
