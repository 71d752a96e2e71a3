package app.fixmo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

  private EmbeddedRedis redis;

  @BeforeEach
  void startRedis() {
    redis = EmbeddedRedis.start();
  }

  @AfterEach
  void closeRedis() {
    redis.close();
  }

  @Test
  void redisAnswersPingOnItsPort() throws IOException {
    String reply = RedisProtocol.ask(redis.port(), "PING");

    assertThat(reply).isEqualTo("+PONG");
    assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
    assertThat(redis.isRunning()).isTrue();
  }

  @Test
  void stoppedRedisNoLongerListens() {
    redis.stop();

    assertThat(redis.isRunning()).isFalse();
    assertThatThrownBy(() -> RedisProtocol.ask(redis.port(), "PING"))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void restartedRedisAnswersOnTheSamePortWithNoData() throws IOException {
    int port = redis.port();
    RedisProtocol.ask(port, "SET greeting hello");

    redis.stop();
    redis.restart();

    assertThat(redis.port()).isEqualTo(port);
    assertThat(RedisProtocol.ask(port, "PING")).isEqualTo("+PONG");
    assertThat(RedisProtocol.ask(port, "GET greeting")).isEqualTo("$-1");
  }

  @Test
  void redisStartsOnTheRequestedPort() throws IOException {
    int port = FreePorts.pick();

    try (EmbeddedRedis fixed = EmbeddedRedis.start(port)) {

      assertThat(fixed.port()).isEqualTo(port);
      assertThat(RedisProtocol.ask(port, "PING")).isEqualTo("+PONG");
    }
  }

  @Test
  void binaryIsTakenFromThePathWhenOneIsThere(@TempDir Path dir) throws IOException {
    Path binary = Files.createFile(dir.resolve("redis-server"));
    binary.toFile().setExecutable(true);

    assertThat(RedisBinary.onPath("/nonexistent:" + dir)).contains(binary);
    assertThat(RedisBinary.onPath("/nonexistent")).isEmpty();
    assertThat(RedisBinary.onPath(null)).isEmpty();
  }
}
