package app.fixmo.testkit;

import app.fixmo.embedded.EmbeddedRedis;

/** The redis-server process of fixmo-embedded, on a free port. */
final class EmbeddedRedisInstance implements RedisInstance, AutoCloseable {

  private final EmbeddedRedis redis;

  private EmbeddedRedisInstance(EmbeddedRedis redis) {
    this.redis = redis;
  }

  static EmbeddedRedisInstance start() {
    return new EmbeddedRedisInstance(EmbeddedRedis.start());
  }

  @Override
  public String url() {
    return redis.url();
  }

  @Override
  public int port() {
    return redis.port();
  }

  @Override
  public boolean isRunning() {
    return redis.isRunning();
  }

  @Override
  public void stop() {
    redis.stop();
  }

  @Override
  public void restart() {
    redis.restart();
  }

  @Override
  public void close() {
    redis.close();
  }
}
