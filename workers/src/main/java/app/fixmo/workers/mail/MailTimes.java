package app.fixmo.workers.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as mails write them: wall-clock times in the provider's zone, named, because that is where
 * the work happens and both parties meet there ("Tuesday 8 December 2026, 09:00 (Asia/Manila)").
 */
final class MailTimes {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private MailTimes() {}

  /** Returns the day and time of an instant in a zone, without the zone. */
  static String dayAndTime(Instant at, ZoneId zone) {
    return DAY_TIME.format(at.atZone(zone));
  }

  /** Returns the time of day of an instant in a zone. */
  static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }

  /** Returns a span with its zone; the end's day is written only when it differs. */
  static String span(Instant start, Instant end, ZoneId zone) {
    ZonedDateTime from = start.atZone(zone);
    ZonedDateTime to = end.atZone(zone);
    String until =
        from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DAY_TIME.format(to);
    return DAY_TIME.format(from) + " to " + until + " (" + zone.getId() + ")";
  }

  /**
   * Returns when a day comes, seen from {@code now} in the zone: "today", "tomorrow", or "on" and
   * the day.
   */
  static String relativeDay(Instant at, ZoneId zone, Instant now) {
    LocalDate day = at.atZone(zone).toLocalDate();
    long daysAhead = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), day);
    if (daysAhead == 0) {
      return "today";
    }
    if (daysAhead == 1) {
      return "tomorrow";
    }
    return "on " + DAY.format(day);
  }

  /** Returns a number of minutes as a person says it: "2 hours", "1 hour", "90 minutes". */
  static String minutes(int minutes) {
    if (minutes % 60 == 0) {
      int hours = minutes / 60;
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
