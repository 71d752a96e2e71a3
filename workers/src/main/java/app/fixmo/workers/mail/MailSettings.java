package app.fixmo.workers.mail;

import app.fixmo.platform.config.ConfigException;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * How the workers reach the mail server, read once from the settings.
 *
 * @param user the SMTP login; empty to send without authenticating
 * @param startTls whether the connection must be upgraded with STARTTLS before anything is sent
 * @param from the {@code From} of every mail, also the envelope sender
 */
record MailSettings(
    String host, int port, String user, String password, boolean startTls, InternetAddress from) {

  /** Reads the SMTP settings; a {@code FIXMO_MAIL_FROM} that is not an address stops start-up. */
  static MailSettings from(FixmoConfig config) {
    return new MailSettings(
        config.get(Settings.SMTP_HOST),
        config.get(Settings.SMTP_PORT),
        config.get(Settings.SMTP_USER),
        config.get(Settings.SMTP_PASSWORD),
        config.get(Settings.SMTP_STARTTLS),
        fromAddress(config.get(Settings.MAIL_FROM)));
  }

  /** Tells whether the server wants a login. */
  boolean authenticates() {
    return !user.isEmpty();
  }

  // The password stays out of logs and exception messages.
  @Override
  public String toString() {
    return "smtp://"
        + (authenticates() ? user + "@" : "")
        + host
        + ":"
        + port
        + (startTls ? " (STARTTLS required)" : "")
        + ", from "
        + from;
  }

  private static InternetAddress fromAddress(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new ConfigException(
          Settings.MAIL_FROM.env()
              + " must be one address, such as 'FixMo <no-reply@example.com>', was '"
              + value
              + "': "
              + e.getMessage());
    }
  }
}
