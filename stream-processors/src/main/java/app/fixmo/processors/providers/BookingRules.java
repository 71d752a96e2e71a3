package app.fixmo.processors.providers;

import java.time.Duration;
import java.util.Objects;

/**
 * The booking rules an operator may set.
 *
 * @param customerCancelCutoff how long before its start a customer may still cancel a booking (the
 *     provider may cancel a confirmed booking at any time); {@code FIXMO_CANCEL_CUTOFF_MINUTES}
 */
public record BookingRules(Duration customerCancelCutoff) {

  /** The cutoff when none is configured: two hours. */
  public static final Duration DEFAULT_CANCEL_CUTOFF = Duration.ofMinutes(120);

  public BookingRules {
    Objects.requireNonNull(customerCancelCutoff, "customerCancelCutoff");
    if (customerCancelCutoff.isNegative()) {
      throw new IllegalArgumentException(
          "customerCancelCutoff must not be negative, not " + customerCancelCutoff);
    }
  }

  /** Returns the rules with every default. */
  public static BookingRules defaults() {
    return new BookingRules(DEFAULT_CANCEL_CUTOFF);
  }
}
