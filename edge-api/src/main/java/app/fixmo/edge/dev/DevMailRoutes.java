package app.fixmo.edge.dev;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /dev/mail}: the mail the workers sent, newest first, from an in-process {@link
 * DevMailbox}, so a developer sees what FixMo would have mailed without a mail client. {@code
 * ?to=<address>} keeps one recipient's mail.
 *
 * <p>Installed only in dev mode and only when the process holds a mailbox. It lives outside {@code
 * /api}: it is no part of the API, has no rate limit and no ETag, and the OpenAPI document does not
 * describe it.
 */
public final class DevMailRoutes {

  /** The path prefix of every developer route; the OpenAPI check leaves these out. */
  public static final String PREFIX = "/dev/";

  private final DevMailbox mailbox;

  public DevMailRoutes(DevMailbox mailbox) {
    this.mailbox = mailbox;
  }

  /** Registers the route. */
  public void install(RoutesConfig routes) {
    routes.get(PREFIX + "mail", this::list);
  }

  private void list(Context ctx) {
    String to = ctx.queryParam("to");
    List<DevMailbox.Mail> mails =
        mailbox.mails().stream()
            .filter(mail -> to == null || mail.to().stream().anyMatch(to::equalsIgnoreCase))
            .sorted(Comparator.comparing(DevMailbox.Mail::receivedAt).reversed())
            .toList();
    ctx.json(new MailList(mails, mails.size()));
  }

  /** The answer: the mails, newest first, and how many there are. */
  record MailList(List<DevMailbox.Mail> items, int total) {}
}
