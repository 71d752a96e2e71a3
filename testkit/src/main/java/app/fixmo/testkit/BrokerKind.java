package app.fixmo.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Which Kafka broker the tests of this JVM run against. */
public enum BrokerKind {

  /** A broker inside the test JVM, from fixmo-embedded: the default, no Docker needed. */
  EMBEDDED,

  /** A broker in a Docker container, through Testcontainers. */
  TESTCONTAINERS;

  /** The environment variable that chooses the kind: {@code embedded} or {@code testcontainers}. */
  public static final String VARIABLE = "FIXMO_TEST_KAFKA";

  /** Reads the kind from an environment; unset or blank means {@link #EMBEDDED}. */
  public static BrokerKind fromEnvironment(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return EMBEDDED;
    }
    String wanted = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(kind -> kind.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    VARIABLE + " must be 'embedded' or 'testcontainers', was '" + value + "'"));
  }
}
