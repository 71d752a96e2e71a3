package app.fixmo.workers.mail;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.workers.jobs.JobRejected;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server (Angus Mail), one connection per mail.
 *
 * <p>A slow server fails the attempt at the mail's time limit ({@link
 * app.fixmo.schemas.jobs.JobTypes#MAIL_TIME_LIMIT}), and the job is retried later. The socket
 * timeouts bound how long the thread left behind stays blocked: a socket read on a platform thread
 * does not wake for an interrupt.
 */
final class SmtpMailer {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final MailSettings settings;
  private final Session session;
  private final Clock clock;

  SmtpMailer(FixmoConfig config, Clock clock) {
    this.settings = MailSettings.from(config);
    this.session = Session.getInstance(properties(settings));
    this.clock = clock;
  }

  /**
   * Sends a mail and logs one line about it (never its body).
   *
   * @return the mail's {@code Message-ID}
   * @throws JobRejected when the server refuses the recipient for good (a 5xx reply to {@code RCPT
   *     TO}): a retry would get the same answer
   * @throws MessagingException for any other failure (server down, timeout, a 4xx reply): the job
   *     is retried after its back-off
   */
  String send(Mail mail) throws JobRejected, MessagingException {
    MimeMessage message = compose(mail);
    Transport transport = session.getTransport("smtp");
    try {
      connect(transport);
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      Optional<SMTPAddressFailedException> refused = refusedForGood(e);
      if (refused.isPresent()) {
        throw new JobRejected(
            "the mail server refused "
                + ((InternetAddress) refused.get().getAddress()).getAddress()
                + " for good: "
                + refused.get().getMessage().strip());
      }
      throw e;
    } finally {
      close(transport);
    }
    String messageId = message.getMessageID();
    log.info(
        "mail sent: job {} type {} booking {} to account {} Message-ID {}",
        mail.jobId(),
        mail.type(),
        mail.bookingId() == null ? "-" : mail.bookingId(),
        mail.accountId(),
        messageId);
    return messageId;
  }

  private MimeMessage compose(Mail mail) throws MessagingException {
    MimeMessage message = new JobMessage(session, mail.jobId());
    message.setFrom(settings.from());
    message.setRecipient(Message.RecipientType.TO, mail.to());
    message.setSubject(mail.letter().subject(), UTF_8);
    message.setText(mail.letter().text(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    // RFC 3834: tells vacation responders and the like not to answer.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.saveChanges();
    return message;
  }

  // Not try-with-resources: once the server has taken the mail, a failed QUIT must not fail the
  // job, or its retry would send the mail a second time.
  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      log.debug("closing the SMTP connection failed: {}", e.getMessage());
    }
  }

  private void connect(Transport transport) throws MessagingException {
    if (settings.authenticates()) {
      transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
    } else {
      transport.connect(settings.host(), settings.port(), null, null);
    }
  }

  /** Finds, in a failure's chain, a recipient the server refused with a permanent (5xx) reply. */
  static Optional<SMTPAddressFailedException> refusedForGood(MessagingException failure) {
    Exception next = failure;
    while (next != null) {
      if (next instanceof SMTPAddressFailedException refused
          && refused.getReturnCode() / 100 == 5) {
        return Optional.of(refused);
      }
      next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
    }
    return Optional.empty();
  }

  private static Properties properties(MailSettings settings) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.host());
    properties.put("mail.smtp.port", Integer.toString(settings.port()));
    properties.put("mail.smtp.connectiontimeout", millis(CONNECT_TIMEOUT));
    properties.put("mail.smtp.timeout", millis(READ_TIMEOUT));
    properties.put("mail.smtp.writetimeout", millis(WRITE_TIMEOUT));
    properties.put("mail.smtp.from", settings.from().getAddress());
    properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
    if (settings.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
      properties.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    return properties;
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
