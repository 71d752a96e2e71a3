package app.fixmo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.embedded.EmbeddedMail.ReceivedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedMailTest {

  private EmbeddedMail mail;

  @BeforeEach
  void startMail() {
    mail = EmbeddedMail.start();
  }

  @AfterEach
  void closeMail() {
    mail.close();
  }

  @Test
  void mailSentOverSmtpIsReceivedDecoded() throws Exception {
    Instant before = Instant.now();

    send("ana@example.com", "Grüße aus Manila", "Salamat po — the sink is fixed.");

    ReceivedMail received = mail.received().getFirst();
    assertThat(mail.received()).hasSize(1);
    assertThat(received.messageId()).isEqualTo("<test-1@example>");
    assertThat(received.from()).isEqualTo("FixMo <no-reply@fixmo.test>");
    assertThat(received.to()).containsExactly("ana@example.com");
    assertThat(received.subject()).isEqualTo("Grüße aus Manila");
    assertThat(received.text()).isEqualTo("Salamat po — the sink is fixed.");
    assertThat(received.receivedAt())
        .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(mail.receivedBy("ana@example.com")).containsExactly(received);
    assertThat(mail.receivedBy("ben@example.com")).isEmpty();
  }

  @Test
  void mailToSeveralAddressesIsReceivedOnceByEachOfThem() throws Exception {
    send("ana@example.com, Ben@Example.com", "Booked", "See you Tuesday.");

    assertThat(mail.received()).hasSize(2);
    assertThat(mail.receivedBy("ana@example.com")).hasSize(1);
    assertThat(mail.receivedBy("ben@example.com")).hasSize(1);
    assertThat(mail.receivedBy("cy@example.com")).isEmpty();
  }

  @Test
  void refusedAddressGetsA550AndNothingIsStored() {
    mail.refuse("Nobody@Example.com");

    assertThatThrownBy(() -> send("nobody@example.com", "hello", "anyone there?"))
        .isInstanceOf(SendFailedException.class)
        .hasMessageContaining("Invalid Addresses");
    assertThat(mail.received()).isEmpty();
  }

  private void send(String to, String subject, String text) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", mail.host());
    properties.put("mail.smtp.port", Integer.toString(mail.port()));
    properties.put("mail.smtp.timeout", Long.toString(Duration.ofSeconds(5).toMillis()));
    MimeMessage message =
        new MimeMessage(Session.getInstance(properties)) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<test-1@example>");
          }
        };
    message.setFrom(new InternetAddress("FixMo <no-reply@fixmo.test>"));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
