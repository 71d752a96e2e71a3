package app.fixmo.workers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;

/**
 * A MIME message whose {@code Message-ID} is made from its job's id instead of at random, so every
 * attempt and every duplicate delivery of one job sends the same id, and a receiver that keeps ids
 * can drop the copies.
 */
final class JobMessage extends MimeMessage {

  private final String messageId;

  JobMessage(Session session, UUID jobId) {
    super(session);
    this.messageId = messageIdOf(jobId);
  }

  /** Returns the {@code Message-ID} of the mail a job sends, angle brackets included. */
  static String messageIdOf(UUID jobId) {
    return "<" + jobId + "@fixmo>";
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
