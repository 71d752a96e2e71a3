package app.fixmo.workers.mail;

import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.BookingStatus;
import app.fixmo.workers.jobs.JobHandler;
import app.fixmo.workers.jobs.JobRejected;
import app.fixmo.workers.jobs.Payloads;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the booking mail types: {@code mail.booking-confirmed}, {@code
 * mail.booking-cancelled} or {@code mail.booking-reminder}, each to the one party its job names.
 *
 * <p>A reminder waits a day on the scheduled topic, and a booking may change in that day: before it
 * sends, it reads the booking, and drops itself (succeeding without mail) when the booking is no
 * longer confirmed or has already started. A cancellation also withdraws the reminder from the
 * scheduler; this check covers a reminder that was already on its way.
 */
final class BookingMailHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(BookingMailHandler.class);

  /** The booking mails, each with its type. */
  enum Kind {
    CONFIRMED(JobTypes.BOOKING_CONFIRMED_MAIL),
    CANCELLED(JobTypes.BOOKING_CANCELLED_MAIL),
    REMINDER(JobTypes.BOOKING_REMINDER_MAIL);

    private final String type;

    Kind(String type) {
      this.type = type;
    }
  }

  private final Kind kind;
  private final SmtpMailer mailer;
  private final MailTemplates templates;
  private final AccountDirectory accounts;
  private final ViewStore views;
  private final Clock clock;

  BookingMailHandler(
      Kind kind, SmtpMailer mailer, MailTemplates templates, ViewStore views, Clock clock) {
    this.kind = kind;
    this.mailer = mailer;
    this.templates = templates;
    this.accounts = new AccountDirectory(views);
    this.views = views;
    this.clock = clock;
  }

  @Override
  public String type() {
    return kind.type;
  }

  @Override
  public void handle(Job job) throws Exception {
    BookingMail mail = Payloads.read(job, BookingMail.class);
    ZoneId zone = zoneOf(mail);
    if (kind == Kind.REMINDER && !stillWanted(mail)) {
      return;
    }

    // A missing account fails this attempt (MissingDocument); the queue retries it.
    BookingParties parties = accounts.partiesOf(mail);
    Party recipient = parties.recipient(mail);
    Letter letter =
        switch (kind) {
          case CONFIRMED -> templates.confirmed(mail, zone, parties);
          case CANCELLED -> templates.cancelled(mail, zone, parties);
          case REMINDER -> templates.reminder(mail, zone, parties, clock.instant());
        };

    mailer.send(
        new Mail(
            job.id(),
            type(),
            mail.bookingId(),
            recipient.accountId(),
            Mail.address(recipient.accountId(), recipient.email(), recipient.name()),
            letter));
  }

  private static ZoneId zoneOf(BookingMail mail) throws JobRejected {
    try {
      return ZoneId.of(mail.timeZone());
    } catch (DateTimeException e) {
      throw new JobRejected(
          "payload.timeZone '" + mail.timeZone() + "' is not a time zone: " + e.getMessage());
    }
  }

  private boolean stillWanted(BookingMail mail) throws MissingDocument {
    ViewDocument booking =
        views
            .read(ProviderViews.BOOKING, mail.bookingId())
            .orElseThrow(() -> new MissingDocument(ProviderViews.BOOKING, mail.bookingId()));
    String status = booking.body().path("status").asText();
    if (!BookingStatus.CONFIRMED.wireName().equals(status)) {
      log.info(
          "reminder dropped: booking {} is {}, no longer confirmed; no mail to the {}",
          mail.bookingId(),
          status,
          mail.recipient().wireName());
      return false;
    }
    if (!clock.instant().isBefore(mail.start())) {
      log.info(
          "reminder dropped: booking {} started at {}; no mail to the {}",
          mail.bookingId(),
          mail.start(),
          mail.recipient().wireName());
      return false;
    }
    return true;
  }
}
