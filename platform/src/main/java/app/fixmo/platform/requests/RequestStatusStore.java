package app.fixmo.platform.requests;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.json.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.redisson.api.RBucket;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Request statuses in Redis ({@code fixmo:<ns>:request:<id>}, kept a day) and the channel that
 * tells waiting edges a request was decided ({@code fixmo:<ns>:decided}).
 *
 * <p>Pub/sub delivers at most once: a waiting edge that misses the message (a reconnect) still
 * answers correctly, because it reads the stored status before it gives up.
 */
public final class RequestStatusStore {

  private final RedissonClient redis;
  private final FixmoConfig config;
  private final Duration ttl;
  private final RTopic decided;

  public RequestStatusStore(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
    this.ttl = Duration.ofSeconds(config.get(Settings.REQUEST_TTL_S));
    this.decided = redis.getTopic(RedisClients.key(config, "decided"), StringCodec.INSTANCE);
  }

  /**
   * Records a new request as pending, unless a request of that id is already known (its id was used
   * before); returns whether it was recorded.
   */
  public boolean markPending(RequestStatus pending) {
    return bucket(pending.requestId()).setIfAbsent(Json.toText(pending), ttl);
  }

  /** Stores a decided request and tells every waiting edge. */
  public void settle(RequestStatus status) {
    String json = Json.toText(status);
    bucket(status.requestId()).set(json, ttl);
    decided.publish(json);
  }

  /** Returns a request's status, or empty when it is unknown or expired. */
  public Optional<RequestStatus> read(String requestId) {
    return Optional.ofNullable(bucket(requestId).get())
        .map(json -> Json.read(json, RequestStatus.class));
  }

  /** Calls the listener for every request decided from now on; returns the listener id. */
  public int onDecided(Consumer<RequestStatus> listener) {
    return decided.addListener(
        String.class, (channel, json) -> listener.accept(Json.read(json, RequestStatus.class)));
  }

  /** Removes a listener added by {@link #onDecided}. */
  public void removeListener(int listenerId) {
    decided.removeListener(listenerId);
  }

  private RBucket<String> bucket(String requestId) {
    return redis.getBucket(RedisClients.key(config, "request:" + requestId), StringCodec.INSTANCE);
  }
}
