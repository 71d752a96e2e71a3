package app.fixmo.cli;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.workers.deadletters.DeadLetter;
import app.fixmo.workers.deadletters.DeadLetterFilter;
import app.fixmo.workers.deadletters.DeadLetterRedrive;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * {@code fixmo jobs dead} and {@code fixmo jobs redrive}: the operator's view of the dead-letter
 * topic, and the way to put dead jobs back on their lanes once their cause is mended.
 */
final class JobsCommand {

  /** A command line this command cannot read. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private final FixmoConfig config;
  private final PrintStream out;

  JobsCommand(FixmoConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Lists the dead jobs that match the options. */
  void listDead(List<String> options) {
    DeadLetterFilter filter = filter(options, false);
    RedissonClient redis = RedisClients.create(config);
    try {
      List<DeadLetter> letters =
          new DeadLetterRedrive(config, redis, Clock.systemUTC()).list(filter);
      letters.forEach(letter -> out.println(line(letter.job())));
      out.println(letters.size() + " dead letters");
    } finally {
      redis.shutdown();
    }
  }

  /** Re-drives the dead jobs that match the options, or with --dry-run says which it would. */
  void redrive(List<String> options) {
    DeadLetterFilter filter = filter(options, true);
    boolean dryRun = options.contains("--dry-run");
    RedissonClient redis = RedisClients.create(config);
    try {
      List<DeadLetterRedrive.Outcome> outcomes =
          new DeadLetterRedrive(config, redis, Clock.systemUTC()).redrive(filter, dryRun);
      outcomes.forEach(
          outcome -> out.println(line(outcome.letter().job()) + "  -> " + outcome.note()));
      long redriven = outcomes.stream().filter(DeadLetterRedrive.Outcome::redriven).count();
      out.println("re-driven " + redriven + " of " + outcomes.size() + " dead jobs");
    } finally {
      redis.shutdown();
    }
  }

  private static String line(DeadJob dead) {
    return String.join(
        "  ",
        dead.at().toString(),
        String.valueOf(dead.jobId()),
        String.valueOf(dead.type()),
        dead.reason().wireName(),
        "attempts=" + dead.attempts(),
        firstLine(dead.error()));
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }

  static DeadLetterFilter filter(List<String> options, boolean allowDryRun) {
    Optional<String> jobId = Optional.empty();
    Optional<String> type = Optional.empty();
    Optional<DeadJob.Reason> reason = Optional.empty();
    Optional<Instant> since = Optional.empty();
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      switch (option) {
        case "--job" -> jobId = Optional.of(value(options, ++i, option));
        case "--type" -> type = Optional.of(value(options, ++i, option));
        case "--reason" -> reason = Optional.of(reason(value(options, ++i, option)));
        case "--since" -> since = Optional.of(instant(value(options, ++i, option)));
        case "--dry-run" -> {
          if (!allowDryRun) {
            throw new UsageException("--dry-run belongs to 'jobs redrive'");
          }
        }
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }
    return new DeadLetterFilter(jobId, type, reason, since);
  }

  private static String value(List<String> options, int index, String option) {
    if (index >= options.size()) {
      throw new UsageException(option + " needs a value");
    }
    return options.get(index);
  }

  private static DeadJob.Reason reason(String text) {
    try {
      return DeadJob.Reason.fromWire(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--reason " + e.getMessage());
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--since must be an instant such as 2026-12-01T00:00:00Z");
    }
  }
}
