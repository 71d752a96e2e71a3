package app.fixmo.workers.mail;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.workers.jobs.JobHandler;
import app.fixmo.workers.mail.BookingMailHandler.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mail job handlers: the welcome mail and the booking mails, all sending through the SMTP
 * server of the settings ({@code FIXMO_SMTP_*}, {@code FIXMO_MAIL_FROM}).
 *
 * <p>Effect once: the job queue runs a job once even when it is delivered twice, except in a window
 * of a few milliseconds after the mail went out (see the jobs README). Every attempt of a job sends
 * the same {@code Message-ID}, made from the job id, so a receiver that keeps ids drops a copy sent
 * in that window.
 */
public final class MailHandlers {

  private MailHandlers() {}

  /** Returns a handler for each mail type; reads the SMTP settings, failing fast on a bad one. */
  public static List<JobHandler> create(FixmoConfig config, ViewStore views, Clock clock) {
    SmtpMailer mailer = new SmtpMailer(config, clock);
    MailTemplates templates = new MailTemplates(config.get(Settings.CANCEL_CUTOFF_MINUTES));
    List<JobHandler> handlers = new ArrayList<>();
    handlers.add(new WelcomeMailHandler(mailer, templates));
    for (Kind kind : Kind.values()) {
      handlers.add(new BookingMailHandler(kind, mailer, templates, views, clock));
    }
    return handlers;
  }

  /** Returns the {@code Message-ID} every attempt of a mail job sends, angle brackets included. */
  public static String messageIdOf(UUID jobId) {
    return JobMessage.messageIdOf(jobId);
  }
}
