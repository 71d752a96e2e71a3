package app.fixmo.schemas.jobs;

import app.fixmo.schemas.json.Fields;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The job types FixMo runs, their payloads and retry policies, and the queues they travel in. The
 * edge refuses a type not listed here; a worker dead-letters one it has no handler for.
 */
public final class JobTypes {

  /** Type of {@link WelcomeMail}. */
  public static final String WELCOME_MAIL = "mail.welcome";

  /** Type of {@link Noop}: succeeds at once; for smoke checks and load tests. */
  public static final String DIAGNOSTICS_NOOP = "diagnostics.noop";

  /** Type of {@link Flaky}: fails its first {@code failTimes} attempts, then succeeds. */
  public static final String DIAGNOSTICS_FLAKY = "diagnostics.flaky";

  /** The most urgent lane's queue name. */
  public static final String CRITICAL_QUEUE = "critical";

  /** The default lane's queue name. */
  public static final String DEFAULT_QUEUE = "default";

  /** The lane for work that may wait behind everything else. */
  public static final String BULK_QUEUE = "bulk";

  /** Mail: a mail server down for a while is the usual failure; waits add up to about 21 min. */
  public static final RetryPolicy MAIL_RETRIES =
      new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofMinutes(15));

  /** Diagnostics: short, so a newcomer can watch a job retry and die within a minute. */
  public static final RetryPolicy DIAGNOSTIC_RETRIES =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /** Every type, the diagnostic ones last. */
  public static final List<JobType> ALL =
      List.of(
          new JobType(WELCOME_MAIL, WelcomeMail.class, MAIL_RETRIES, false),
          new JobType(DIAGNOSTICS_NOOP, Noop.class, DIAGNOSTIC_RETRIES, true),
          new JobType(DIAGNOSTICS_FLAKY, Flaky.class, DIAGNOSTIC_RETRIES, true));

  private JobTypes() {}

  /** Returns the type of that name, if it exists with diagnostics on or off as given. */
  public static Optional<JobType> find(String name, boolean diagnostics) {
    return ALL.stream()
        .filter(type -> type.name().equals(name))
        .filter(type -> diagnostics || !type.diagnostic())
        .findFirst();
  }

  /** Returns the names of the types that exist with diagnostics on or off as given. */
  public static List<String> names(boolean diagnostics) {
    return ALL.stream()
        .filter(type -> diagnostics || !type.diagnostic())
        .map(JobType::name)
        .toList();
  }

  /** Greets a new account by mail. */
  public record WelcomeMail(String accountId, String email, String name) {}

  /** Does nothing, successfully. */
  public record Noop() {}

  /**
   * Fails while the job's attempt is at most {@code failTimes}.
   *
   * @param failTimes how many attempts fail before one succeeds, 0 to 1000
   */
  public record Flaky(int failTimes) {

    public Flaky {
      Fields.between(failTimes, "failTimes", 0, 1000);
    }
  }
}
