package app.fixmo.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.platform.config.ConfigException;
import app.fixmo.platform.config.FixmoConfig;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

  @Test
  void recipientRefusedWithA5xxIsRefusedForGood() throws Exception {
    var refused = refusal(550, "550 5.1.1 no such mailbox");

    assertThat(SmtpMailer.refusedForGood(failure(refused))).contains(refused);
  }

  @Test
  void recipientRefusedWithA4xxIsWorthAnotherTry() throws Exception {
    var deferred = refusal(450, "450 4.2.1 mailbox busy, try later");

    assertThat(SmtpMailer.refusedForGood(failure(deferred))).isEmpty();
  }

  @Test
  void mailFromThatIsNotOneAddressStopsStartUpNamingTheVariable() {
    FixmoConfig config = FixmoConfig.from(Map.of("FIXMO_MAIL_FROM", "FixMo no-reply at fixmo"));

    assertThatThrownBy(() -> new SmtpMailer(config, Clock.systemUTC()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FIXMO_MAIL_FROM must be one address");
  }

  @Test
  void settingsShowNoPassword() {
    FixmoConfig config =
        FixmoConfig.from(Map.of("FIXMO_SMTP_USER", "fixmo", "FIXMO_SMTP_PASSWORD", "s3cret-pw"));

    assertThat(MailSettings.from(config).toString())
        .contains("fixmo@127.0.0.1:25")
        .doesNotContain("s3cret-pw");
  }

  private static SMTPAddressFailedException refusal(int code, String reply) throws Exception {
    return new SMTPAddressFailedException(
        new InternetAddress("nobody@example.com"), "RCPT TO:<nobody@example.com>", code, reply);
  }

  // The shape Angus Mail throws when no recipient was taken: the refusal is chained inside.
  private static SendFailedException failure(SMTPAddressFailedException refusal) {
    return new SendFailedException("Invalid Addresses", refusal);
  }
}
