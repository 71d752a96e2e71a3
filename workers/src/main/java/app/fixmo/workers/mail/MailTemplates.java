package app.fixmo.workers.mail;

import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each mail FixMo sends says: plain English text, times on the provider's wall clock with the
 * zone named. Each booking mail has a short sentence on top and the booking's facts below, in
 * aligned lines a reader can scan.
 */
final class MailTemplates {

  private static final String SIGN_OFF = "\nFixMo\n";

  private final int cancelCutoffMinutes;

  /**
   * @param cancelCutoffMinutes how long before the start a customer may still cancel, as the
   *     processors enforce it ({@code FIXMO_CANCEL_CUTOFF_MINUTES})
   */
  MailTemplates(int cancelCutoffMinutes) {
    this.cancelCutoffMinutes = cancelCutoffMinutes;
  }

  /** Greets a new account. */
  Letter welcome(String name, String email) {
    String text =
        """
        Hello %s,

        Welcome to FixMo. Your account %s is ready.

        Customers find plumbers, electricians, aircon technicians and other trades in their \
        city, book a time that suits them, and review the work afterwards. Providers set up \
        their page, services and weekly hours, and take bookings.

        If you did not sign up for FixMo, you can ignore this mail.
        """
            .formatted(name, email);
    return new Letter("Welcome to FixMo, " + name, text + SIGN_OFF);
  }

  /** Tells a party that the booking is confirmed. */
  Letter confirmed(BookingMail mail, ZoneId zone, BookingParties parties) {
    String when = MailTimes.dayAndTime(mail.start(), zone);
    if (mail.recipient() == MailRecipient.CUSTOMER) {
      String after =
          cancelCutoffMinutes == 0
              ? "You can cancel it in FixMo until it starts."
              : "You can cancel it in FixMo until "
                  + MailTimes.minutes(cancelCutoffMinutes)
                  + " before it starts.";
      return letter(
          "Booking confirmed: " + mail.listingTitle() + ", " + when,
          parties.customer().name(),
          "Your booking with " + parties.providerLabel() + " is confirmed.",
          details(mail, zone, parties),
          after);
    }
    String customer = parties.customer().name();
    return letter(
        "New booking: " + mail.listingTitle() + ", " + when,
        parties.provider().name(),
        customer + " booked you.",
        details(mail, zone, parties),
        "If you cannot come, cancel it in FixMo as soon as you can, so that "
            + customer
            + " can book someone else.");
  }

  /** Tells a party that the booking was cancelled, by whom and why. */
  Letter cancelled(BookingMail mail, ZoneId zone, BookingParties parties) {
    String recipientId = mail.recipientId();
    String who = canceller(mail.cancelledBy(), recipientId, parties);
    String reason =
        mail.reason() == null || mail.reason().isBlank()
            ? "No reason was given."
            : "The reason given: " + mail.reason().strip();
    String after =
        mail.recipient() == MailRecipient.CUSTOMER
            ? "You can book this or another provider again in FixMo."
            : "The time is open for other bookings again.";
    return letter(
        "Booking cancelled: "
            + mail.listingTitle()
            + ", "
            + MailTimes.dayAndTime(mail.start(), zone),
        parties.recipient(mail).name(),
        who + " cancelled the booking below. " + reason,
        details(mail, zone, parties),
        after);
  }

  /** Reminds a party of the booking, shortly before it (the day before, normally). */
  Letter reminder(BookingMail mail, ZoneId zone, BookingParties parties, Instant now) {
    String day = MailTimes.relativeDay(mail.start(), zone, now);
    String at = day + " at " + MailTimes.time(mail.start(), zone);
    String opening =
        mail.recipient() == MailRecipient.CUSTOMER
            ? "A reminder: your booking with " + parties.providerLabel() + " is " + at + "."
            : "A reminder: " + parties.customer().name() + " booked you for " + at + ".";
    return letter(
        "Reminder: " + mail.listingTitle() + " " + at + " (" + zone.getId() + ")",
        parties.recipient(mail).name(),
        opening,
        details(mail, zone, parties),
        "If something came up, cancel it in FixMo, so that the other side knows in time.");
  }

  private static String canceller(String cancelledBy, String recipientId, BookingParties parties) {
    if (cancelledBy == null) {
      return "FixMo";
    }
    if (cancelledBy.equals("account:" + recipientId)) {
      return "You";
    }
    if (cancelledBy.equals("account:" + parties.customer().accountId())) {
      return parties.customer().name();
    }
    if (cancelledBy.equals("account:" + parties.provider().accountId())) {
      return parties.providerLabel();
    }
    return "FixMo";
  }

  /** The facts of a booking, naming the other party. */
  private static Map<String, String> details(
      BookingMail mail, ZoneId zone, BookingParties parties) {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("What", mail.listingTitle());
    lines.put("When", MailTimes.span(mail.start(), mail.end(), zone));
    lines.put("Where", mail.address());
    if (mail.recipient() == MailRecipient.CUSTOMER) {
      lines.put("Provider", parties.providerLabel());
    } else {
      lines.put("Customer", parties.customer().name());
    }
    lines.put("Booking", mail.bookingId());
    return lines;
  }

  private static Letter letter(
      String subject, String name, String opening, Map<String, String> details, String after) {
    StringBuilder text = new StringBuilder();
    text.append("Hello ").append(name).append(",\n\n");
    text.append(opening).append("\n\n");
    int width = details.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    details.forEach(
        (label, value) ->
            text.append("  ")
                .append(label)
                .append(':')
                .append(" ".repeat(width - label.length()))
                .append(value)
                .append('\n'));
    text.append('\n').append(after).append('\n');
    return new Letter(subject, text + SIGN_OFF);
  }
}
