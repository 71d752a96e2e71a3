package app.fixmo.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that keeps every mail it receives in memory: the
 * mailbox of {@code fixmo dev} and of the tests. It accepts any sender and any recipient, without
 * authentication, unless told to {@link #refuse} an address.
 *
 * <p>A mail sent to several recipients is kept once per recipient, as separate mailboxes would hold
 * it, so {@link #received()} lists it once for each.
 */
public final class EmbeddedMail implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);
  private static final String HOST = "127.0.0.1";

  /**
   * One mail as the server received it.
   *
   * @param messageId the {@code Message-ID} header, angle brackets included, or null
   * @param from the {@code From} header as written, for example {@code FixMo
   *     <no-reply@fixmo.local>}
   * @param to the addresses of the {@code To} header, without display names
   * @param subject the decoded subject
   * @param text the decoded plain-text body (the text part of a multipart mail), or empty
   * @param receivedAt when the server stored it
   */
  public record ReceivedMail(
      String messageId,
      String from,
      List<String> to,
      String subject,
      String text,
      Instant receivedAt) {}

  private final int port;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final GreenMail server;

  private EmbeddedMail(int port) {
    this.port = port;
    this.server = new RefusingGreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
    server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /** Starts a server on a free port. */
  public static EmbeddedMail start() {
    return start(0);
  }

  /** Starts a server on the given port; 0 picks a free one. */
  public static EmbeddedMail start(int port) {
    EmbeddedMail mail = new EmbeddedMail(FreePorts.orFree(port));
    mail.server.start();
    log.info("SMTP server (GreenMail) ready at {}:{}", HOST, mail.port);
    return mail;
  }

  /** Returns the address the server listens on: always the loopback address. */
  public String host() {
    return HOST;
  }

  /** Returns the SMTP port. */
  public int port() {
    return port;
  }

  /**
   * Makes the server answer {@code 550} to {@code RCPT TO} this address from now on, as a server
   * does for a mailbox that does not exist: for tests of permanent failures.
   */
  public void refuse(String address) {
    refused.add(address.toLowerCase(Locale.ROOT));
  }

  /** Returns every mail received so far, oldest first; a snapshot, not a live view. */
  public List<ReceivedMail> received() {
    return oldestFirst(Arrays.stream(server.getReceivedMessages()));
  }

  /**
   * Returns the mails delivered to one address so far (its mailbox, so {@code Cc} and {@code Bcc}
   * count and a mail to several addresses counts once), oldest first; case does not matter.
   */
  public List<ReceivedMail> receivedBy(String address) {
    return oldestFirst(
        server.findReceivedMessages(
            user -> user.getEmail().equalsIgnoreCase(address), any -> true));
  }

  /** Stops the server; the mails it held are gone. */
  @Override
  public void close() {
    server.stop();
    log.info("SMTP server at {}:{} stopped", HOST, port);
  }

  private static List<ReceivedMail> oldestFirst(Stream<MimeMessage> messages) {
    return messages
        .map(EmbeddedMail::read)
        .sorted(Comparator.comparing(ReceivedMail::receivedAt))
        .toList();
  }

  private static ReceivedMail read(MimeMessage message) {
    try {
      Date received = message.getReceivedDate();
      return new ReceivedMail(
          message.getMessageID(),
          String.join(", ", addresses(message.getHeader("From"))),
          recipients(message.getRecipients(Message.RecipientType.TO)),
          message.getSubject(),
          textOf(message),
          received == null ? Instant.EPOCH : received.toInstant());
    } catch (MessagingException e) {
      throw new IllegalStateException("GreenMail holds a mail it cannot read", e);
    } catch (IOException e) {
      throw new UncheckedIOException("GreenMail holds a mail it cannot read", e);
    }
  }

  private static List<String> addresses(String[] headers) {
    return headers == null ? List.of() : List.of(headers);
  }

  private static List<String> recipients(Address[] addresses) {
    if (addresses == null) {
      return List.of();
    }
    return Arrays.stream(addresses)
        .map(address -> ((InternetAddress) address).getAddress())
        .toList();
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        String text = textOf(parts.getBodyPart(i));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  /**
   * GreenMail with one change: its SMTP server asks {@link #refused} before it takes a recipient.
   * GreenMail itself never refuses one; its SMTP manager's recipient check is the hook it offers.
   */
  private final class RefusingGreenMail extends GreenMail {

    RefusingGreenMail(ServerSetup setup) {
      super(setup);
    }

    // Called from GreenMail's constructor and again by start(): it must not read this class's
    // fields here, only hand out objects that read them later, while mail arrives.
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(setups, managers);
      for (ServerSetup setup : setups) {
        if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
          services.put(setup.getProtocol(), new SmtpServer(setup, new Refusing(managers)));
        }
      }
      return services;
    }
  }

  /** The server's managers, with a recipient check in front of the shared mail store. */
  private final class Refusing extends Managers {

    private final Managers shared;
    private final SmtpManager smtp;

    Refusing(Managers shared) {
      this.shared = shared;
      this.smtp = new RecipientCheck(shared.getImapHostManager(), shared.getUserManager());
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return shared.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return shared.getImapHostManager();
    }
  }

  private final class RecipientCheck extends SmtpManager {

    RecipientCheck(ImapHostManager store, UserManager users) {
      super(store, users);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
      if (refused.contains(recipient.getEmail().toLowerCase(Locale.ROOT))) {
        return "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here";
      }
      return super.checkRecipient(state, recipient);
    }
  }
}
