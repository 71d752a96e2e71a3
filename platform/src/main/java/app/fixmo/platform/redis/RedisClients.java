package app.fixmo.platform.redis;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Makes the Redisson client every service uses. Values are plain strings (JSON documents), never
 * Java serialisation, so an operator with redis-cli and any other service can read them.
 */
public final class RedisClients {

  private RedisClients() {}

  /** Creates a client for the configured Redis; it reconnects by itself after an outage. */
  public static RedissonClient create(FixmoConfig config) {
    Config redisson = new Config();
    redisson.setCodec(StringCodec.INSTANCE);
    redisson.setNettyThreads(4);
    redisson.setThreads(2);
    redisson
        .useSingleServer()
        .setAddress(config.get(Settings.REDIS_URL))
        .setConnectTimeout(2_000)
        .setTimeout(2_000)
        .setRetryAttempts(1)
        .setConnectionMinimumIdleSize(2)
        .setConnectionPoolSize(32)
        .setSubscriptionConnectionMinimumIdleSize(1)
        .setPingConnectionInterval(1_000);
    return Redisson.create(redisson);
  }

  /** Returns a Redis key in the process's namespace: {@code fixmo:<namespace>:<name>}. */
  public static String key(FixmoConfig config, String name) {
    String namespace = config.namespace();
    return namespace.isEmpty() ? "fixmo:" + name : "fixmo:" + namespace + ":" + name;
  }
}
