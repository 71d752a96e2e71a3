package app.fixmo.schemas.jobs;

import app.fixmo.schemas.json.Fields;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The job types FixMo runs, their payloads, time limits and retry policies, and the queues they
 * travel in. The edge refuses a type not listed here; a worker dead-letters one it has no handler
 * for.
 */
public final class JobTypes {

  /** Type of {@link WelcomeMail}. */
  public static final String WELCOME_MAIL = "mail.welcome";

  /** Type of {@link BookingMail}: a booking was confirmed; one job per party. */
  public static final String BOOKING_CONFIRMED_MAIL = "mail.booking-confirmed";

  /** Type of {@link BookingMail}: a booking was cancelled; one job per party. */
  public static final String BOOKING_CANCELLED_MAIL = "mail.booking-cancelled";

  /**
   * Type of {@link BookingMail}: the booking starts in 24 hours. Scheduled when the booking is
   * confirmed, with the id {@link #reminderId}, so that its cancellation can withdraw it.
   */
  public static final String BOOKING_REMINDER_MAIL = "mail.booking-reminder";

  /** Type of {@link BookingsExport}: a provider's bookings as CSV, kept in Redis for a day. */
  public static final String BOOKINGS_EXPORT = "export.bookings-csv";

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

  /** Export: a read of the view cache that failed is worth a few quick tries, no more. */
  public static final RetryPolicy EXPORT_RETRIES =
      new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1));

  /** Diagnostics: short, so a newcomer can watch a job retry and die within a minute. */
  public static final RetryPolicy DIAGNOSTIC_RETRIES =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /**
   * A mail: a healthy SMTP server takes well under a second; ten seconds means it is not healthy,
   * and the mail is better tried again later.
   */
  public static final Duration MAIL_TIME_LIMIT = Duration.ofSeconds(10);

  /** An export: reads of the view cache, a few milliseconds each even for a busy provider. */
  public static final Duration EXPORT_TIME_LIMIT = Duration.ofSeconds(10);

  /** Diagnostics: they take no time; a second is ample. */
  public static final Duration DIAGNOSTIC_TIME_LIMIT = Duration.ofSeconds(1);

  /** Every type, the diagnostic ones last. */
  public static final List<JobType> ALL =
      List.of(
          mail(WELCOME_MAIL, WelcomeMail.class),
          mail(BOOKING_CONFIRMED_MAIL, BookingMail.class),
          mail(BOOKING_CANCELLED_MAIL, BookingMail.class),
          mail(BOOKING_REMINDER_MAIL, BookingMail.class),
          new JobType(
              BOOKINGS_EXPORT, BookingsExport.class, EXPORT_TIME_LIMIT, EXPORT_RETRIES, false),
          diagnostic(DIAGNOSTICS_NOOP, Noop.class),
          diagnostic(DIAGNOSTICS_FLAKY, Flaky.class));

  private JobTypes() {}

  private static JobType mail(String name, Class<?> payloadType) {
    return new JobType(name, payloadType, MAIL_TIME_LIMIT, MAIL_RETRIES, false);
  }

  private static JobType diagnostic(String name, Class<?> payloadType) {
    return new JobType(name, payloadType, DIAGNOSTIC_TIME_LIMIT, DIAGNOSTIC_RETRIES, true);
  }

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

  /**
   * Returns the job id of a booking's reminder to one party: derived from the booking, so that the
   * booking's cancellation can name the reminder it withdraws.
   */
  public static UUID reminderId(String bookingId, MailRecipient recipient) {
    String name = BOOKING_REMINDER_MAIL + "|" + bookingId + "|" + recipient.wireName();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** Greets a new account by mail. */
  public record WelcomeMail(String accountId, String email, String name) {}

  /** Which party of a booking a mail goes to. */
  public enum MailRecipient {
    CUSTOMER,
    PROVIDER;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire name; anything else is refused. */
    @JsonCreator
    public static MailRecipient fromWire(String value) {
      for (MailRecipient recipient : values()) {
        if (recipient.wireName().equals(value)) {
          return recipient;
        }
      }
      throw new IllegalArgumentException("must be customer or provider");
    }
  }

  /**
   * A mail about a booking to one of its parties. The worker looks the recipient's address and both
   * parties' names up in the account views when it sends, so the payload carries ids only.
   *
   * @param recipient which party this mail goes to
   * @param timeZone the provider's zone, in which the mail shows the times
   * @param reason why it was cancelled; null for other mails
   * @param cancelledBy who cancelled it, {@code account:<id>}; null for other mails
   */
  public record BookingMail(
      String bookingId,
      MailRecipient recipient,
      String providerId,
      String customerId,
      String listingTitle,
      Instant start,
      Instant end,
      String timeZone,
      String address,
      String reason,
      String cancelledBy) {

    public BookingMail {
      Fields.text(bookingId, "bookingId", 100);
      Fields.required(recipient, "recipient");
      Fields.text(providerId, "providerId", 100);
      Fields.text(customerId, "customerId", 100);
      Fields.text(listingTitle, "listingTitle", 200);
      Fields.required(start, "start");
      Fields.required(end, "end");
      Fields.text(timeZone, "timeZone", 100);
      Fields.text(address, "address", 500);
      Fields.optionalText(reason, "reason", 500);
      Fields.optionalText(cancelledBy, "cancelledBy", 100);
    }

    /** Returns the account id of the party this mail goes to. */
    public String recipientId() {
      return recipient == MailRecipient.CUSTOMER ? customerId : providerId;
    }
  }

  /**
   * Builds the CSV of a provider's bookings.
   *
   * @param exportId the export's id, which the provider downloads it by
   */
  public record BookingsExport(String exportId, String providerId) {

    public BookingsExport {
      Fields.text(exportId, "exportId", 100);
      Fields.text(providerId, "providerId", 100);
    }
  }

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
