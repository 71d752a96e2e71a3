package app.fixmo.benchmarks;

import java.util.Locale;

/**
 * One goal of the benchmark and what the run measured against it.
 *
 * @param name what is measured, as the report's table shows it
 * @param target the goal, in words
 * @param measured the figure, in words
 * @param met whether the goal was met
 * @param shortBy how far it was missed, in words; empty when met
 */
record Goal(String name, String target, String measured, boolean met, String shortBy) {

  /** Returns a goal that {@code value} must reach at least, in {@code unit}. */
  static Goal atLeast(String name, double value, double target, String unit) {
    boolean met = value >= target;
    return new Goal(
        name,
        ">= " + number(target) + unit,
        number(value) + unit,
        met,
        met ? "" : number(target - value) + unit + " short");
  }

  /** Returns a goal that {@code value} must stay within, in {@code unit}. */
  static Goal atMost(String name, double value, double target, String unit) {
    boolean met = value <= target;
    String over =
        String.format(
            Locale.ROOT,
            "%s%s over (%.1fx the goal)",
            number(value - target),
            unit,
            value / target);
    return new Goal(
        name, "<= " + number(target) + unit, number(value) + unit, met, met ? "" : over);
  }

  /** Returns the table row of this goal. */
  String row() {
    return "| "
        + name
        + " | "
        + target
        + " | "
        + measured
        + " | "
        + (met ? "met" : "**missed**: " + shortBy)
        + " |";
  }

  /** Formats a figure with one decimal, or none when it is large. */
  static String number(double value) {
    return Math.abs(value) >= 1000
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
