package app.fixmo.testkit;

import app.fixmo.schemas.topics.Topic;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A prefix that keeps one test class's topics, groups and Redis keys apart from every other's on
 * the shared broker and Redis.
 *
 * <p>A value such as {@code t3-k9x2f}: a counter for this JVM and a random suffix, made of
 * characters that are valid in a Kafka topic name and harmless in a Redis key.
 *
 * @param value the prefix itself
 */
public record TestNamespace(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** Checks that the value is usable as a topic prefix. */
  public TestNamespace {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "namespace must be 1-40 of a-z, 0-9 and '-', starting with a letter or digit, was '"
              + value
              + "'");
    }
  }

  /** Returns a namespace no other call in this JVM returns. */
  public static TestNamespace unique() {
    return new TestNamespace("t" + COUNTER.incrementAndGet() + "-" + randomSuffix(5));
  }

  /** Returns the full name of a topic of the catalogue in this namespace. */
  public String topic(Topic<?> topic) {
    return topic.in(value);
  }

  /** Returns a Redis key, a group id or any other name, prefixed with this namespace. */
  public String key(String name) {
    return value + ":" + name;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String randomSuffix(int length) {
    StringBuilder suffix = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      suffix.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    return suffix.toString();
  }
}
