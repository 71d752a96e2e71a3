package app.fixmo.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints what a seeding run made: one line per kind, then every failure. */
final class DemoSummary {

  private static final int FAILURES_SHOWN = 20;

  private final DemoRun run;

  DemoSummary(DemoRun run) {
    this.run = run;
  }

  /** Prints the summary of a run that took the given milliseconds. */
  void print(PrintStream out, long millis) {
    out.println(accounts("providers", "provider"));
    out.println(
        "demo listings: "
            + (run.counted("listings.new") + run.counted("listings.existing"))
            + " ("
            + run.counted("listings.new")
            + " published, "
            + run.counted("listings.existing")
            + " already there); "
            + run.counted("profiles")
            + " profiles and "
            + run.counted("hours")
            + " weekly hours set");
    out.println(accounts("customers", "customer"));
    out.println(bookings());
    out.println(reviews());
    failures(out);
    out.println(
        "demo accounts: ana@fixmo.test (customer), ben@fixmo.test and carla@fixmo.test"
            + " (providers), password "
            + DemoCatalogue.PASSWORD
            + " for every demo account");
    out.printf(Locale.ROOT, "demo seeded in %.1f s%n", millis / 1000.0);
  }

  private String accounts(String kind, String role) {
    int made = run.counted(role + "s.new");
    int existing = run.counted(role + "s.existing");
    return "demo "
        + kind
        + ": "
        + (made + existing)
        + " ("
        + made
        + " registered, "
        + existing
        + " already there)";
  }

  private String bookings() {
    int completed = run.counted("bookings.completed");
    int confirmed = run.counted("bookings.confirmed");
    int cancelled = run.counted("bookings.cancelled");
    int before = run.counted("providers.booked-before");
    return "demo bookings: "
        + (completed + confirmed + cancelled)
        + " ("
        + completed
        + " completed, "
        + confirmed
        + " confirmed, "
        + cancelled
        + " cancelled)"
        + (before == 0 ? "" : "; " + before + " providers had bookings already, left as they are");
  }

  private String reviews() {
    int reviews = run.counted("reviews");
    if (reviews == 0) {
      return "demo reviews: 0";
    }
    double average = run.counted("reviews.rating-sum") / (double) reviews;
    return String.format(Locale.ROOT, "demo reviews: %d, average rating %.2f", reviews, average);
  }

  private void failures(PrintStream out) {
    List<String> failures = run.failures();
    out.println("demo failures: " + failures.size());
    failures.stream().limit(FAILURES_SHOWN).forEach(failure -> out.println("  " + failure));
    if (failures.size() > FAILURES_SHOWN) {
      out.println("  ... and " + (failures.size() - FAILURES_SHOWN) + " more");
    }
  }
}
