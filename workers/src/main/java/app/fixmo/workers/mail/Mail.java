package app.fixmo.workers.mail;

import app.fixmo.workers.jobs.JobRejected;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One mail to send, and what the log line about it names.
 *
 * @param jobId the job that sends it; its Message-ID derives from it
 * @param type the job type, for the log
 * @param bookingId the booking it is about, or null
 * @param accountId the recipient's account
 * @param to the recipient's address and name
 */
record Mail(
    UUID jobId,
    String type,
    String bookingId,
    String accountId,
    InternetAddress to,
    Letter letter) {

  /**
   * Returns an account's address with its name. An address that cannot be valid rejects the job: no
   * retry can make it deliverable.
   */
  static InternetAddress address(String accountId, String email, String name) throws JobRejected {
    try {
      InternetAddress address = new InternetAddress(email, name, StandardCharsets.UTF_8.name());
      address.validate();
      return address;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new JobRejected(
          "account " + accountId + " has an address no mail can reach: '" + email + "'");
    }
  }
}
