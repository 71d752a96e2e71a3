package app.fixmo.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreferTest {

  private static final Duration DEFAULT = Duration.ofSeconds(3);
  private static final Duration MAX = Duration.ofSeconds(10);

  @Test
  void noHeaderWaitsTheServerDefault() {
    assertThat(Prefer.parse(null).boundedWait(DEFAULT, MAX)).isEqualTo(DEFAULT);
  }

  @Test
  void respondAsyncWaitsNotAtAll() {
    Prefer prefer = Prefer.parse("respond-async, wait=5");

    assertThat(prefer.respondAsync()).isTrue();
    assertThat(prefer.boundedWait(DEFAULT, MAX)).isZero();
  }

  @Test
  void waitIsBoundedByTheServerMaximum() {
    assertThat(Prefer.parse("wait=5").boundedWait(DEFAULT, MAX)).hasSeconds(5);
    assertThat(Prefer.parse("wait=600").boundedWait(DEFAULT, MAX)).isEqualTo(MAX);
  }

  @Test
  void unknownPreferencesAreIgnored() {
    assertThat(Prefer.parse("return=minimal; handling=strict").boundedWait(DEFAULT, MAX))
        .isEqualTo(DEFAULT);
  }
}
