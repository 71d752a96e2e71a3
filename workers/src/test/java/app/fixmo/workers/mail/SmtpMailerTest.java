package app.fixmo.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.platform.config.ConfigException;
import app.fixmo.platform.config.FixmoConfig;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  void failedQuitAfterTheServerTookTheMailDoesNotFailTheSendSoItIsNotRetried() throws Exception {
    UUID jobId = UUID.randomUUID();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> taken = CompletableFuture.supplyAsync(() -> takeOneMail(server));
      FixmoConfig config =
          FixmoConfig.from(
              Map.of(
                  "FIXMO_SMTP_HOST",
                  "127.0.0.1",
                  "FIXMO_SMTP_PORT",
                  Integer.toString(server.getLocalPort())));
      Mail mail =
          new Mail(
              jobId,
              "mail.welcome",
              null,
              "acc-ana",
              new InternetAddress("ana@example.com"),
              new Letter("Hello", "Hello Ana"));

      String messageId = new SmtpMailer(config, Clock.systemUTC()).send(mail);

      assertThat(messageId).isEqualTo(JobMessage.messageIdOf(jobId));
      assertThat(taken.get(5, TimeUnit.SECONDS)).isTrue();
    }
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

  /**
   * Speaks just enough SMTP to take one mail, then resets the connection instead of answering
   * {@code QUIT}; returns whether it took the mail.
   */
  private static boolean takeOneMail(ServerSocket server) {
    boolean taken = false;
    try (Socket client = server.accept()) {
      var in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      var out = new PrintWriter(client.getOutputStream(), false, StandardCharsets.UTF_8);
      reply(out, "220 fake ESMTP");
      boolean inData = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.toUpperCase(Locale.ROOT);
        if (inData && line.equals(".")) {
          inData = false;
          taken = true;
          reply(out, "250 2.0.0 queued");
        } else if (inData) {
          continue;
        } else if (verb.startsWith("DATA")) {
          inData = true;
          reply(out, "354 go ahead");
        } else if (verb.startsWith("QUIT")) {
          // A reset, not a close: the client's read of the reply to QUIT fails.
          client.setSoLinger(true, 0);
          return taken;
        } else {
          reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return taken;
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }
}
