package app.fixmo.edge.auth;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Sessions in Redis, one key each ({@code fixmo:<ns>:session:<sha256 of token>}), expiring after
 * the idle lifetime; every use slides the expiry. Keys hold a hash of the token, so a copy of Redis
 * does not let anyone sign in. Ending a session deletes its key, which every edge sees at once.
 */
public final class SessionStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RedissonClient redis;
  private final FixmoConfig config;
  private final Duration ttl;
  private final Clock clock;

  public SessionStore(RedissonClient redis, FixmoConfig config, Clock clock) {
    this.redis = redis;
    this.config = config;
    this.ttl = Duration.ofSeconds(config.get(Settings.SESSION_TTL_S));
    this.clock = clock;
  }

  /** Returns the idle lifetime of a session. */
  public Duration ttl() {
    return ttl;
  }

  /** Starts a new session, with a new token, for an account. */
  public Session create(String accountId) {
    Session session = new Session(newSecret(), accountId, newSecret(), clock.instant());
    Stored stored = new Stored(accountId, session.csrfToken(), session.createdAt());
    bucket(session.token()).set(Json.toText(stored), ttl);
    return session;
  }

  /** Finds a live session by its token and extends its life. */
  public Optional<Session> find(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    String json = bucket(token).getAndExpire(ttl);
    if (json == null) {
      return Optional.empty();
    }
    Stored stored = Json.read(json, Stored.class);
    return Optional.of(new Session(token, stored.accountId(), stored.csrfToken(), stored.at()));
  }

  /** Ends a session everywhere at once. */
  public void end(String token) {
    bucket(token).delete();
  }

  private RBucket<String> bucket(String token) {
    return redis.getBucket(
        RedisClients.key(config, "session:" + sha256(token)), StringCodec.INSTANCE);
  }

  private static String newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  private static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private record Stored(String accountId, String csrfToken, java.time.Instant at) {}
}
