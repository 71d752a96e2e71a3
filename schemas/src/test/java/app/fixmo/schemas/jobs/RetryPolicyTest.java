package app.fixmo.schemas.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(6));

  @Test
  void waitDoublesAfterEachFailedAttemptUntilTheCap() {
    assertThat(policy.backoffAfter(1, 0)).hasMillis(1000);
    assertThat(policy.backoffAfter(2, 0)).hasMillis(2000);
    assertThat(policy.backoffAfter(3, 0)).hasMillis(4000);
    assertThat(policy.backoffAfter(4, 0)).hasMillis(6000);
    assertThat(policy.backoffAfter(400, 0)).hasMillis(6000);
  }

  @Test
  void jitterTakesAtMostAQuarterSoWaitsStillGrow() {
    Duration longestFirst = policy.backoffAfter(1, 0);
    Duration shortestSecond = policy.backoffAfter(2, 0.999_999);

    assertThat(policy.backoffAfter(1, 0.999_999)).hasMillis(750);
    assertThat(shortestSecond).isGreaterThan(longestFirst);
  }

  @Test
  void lastAttemptAllowsNoOther() {
    assertThat(policy.allowsAttemptAfter(4)).isTrue();
    assertThat(policy.allowsAttemptAfter(5)).isFalse();
  }

  @Test
  void capShorterThanBaseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("base must be positive and cap at least base, were PT2S and PT1S");
  }
}
