package app.fixmo.edge.dev;

import java.time.Instant;
import java.util.List;

/**
 * A mailbox that lives in the same process as the edge, read only: under {@code fixmo dev} the SMTP
 * server the workers send through. The edge shows it at {@code GET /dev/mail}; it never runs in
 * production, where mail leaves for a real server.
 */
public interface DevMailbox {

  /**
   * One mail as the mailbox received it.
   *
   * @param messageId the {@code Message-ID} header, angle brackets included
   * @param from the {@code From} header as written
   * @param to the recipients' addresses
   * @param subject the decoded subject
   * @param text the decoded plain-text body
   * @param receivedAt when the mailbox stored it
   */
  record Mail(
      String messageId,
      String from,
      List<String> to,
      String subject,
      String text,
      Instant receivedAt) {}

  /** Returns every mail received so far, in any order; a snapshot. */
  List<Mail> mails();
}
