package app.fixmo.workers.mail;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.WelcomeMail;
import app.fixmo.workers.jobs.JobHandler;
import app.fixmo.workers.jobs.JobRejected;
import app.fixmo.workers.jobs.Payloads;
import jakarta.mail.MessagingException;

/** Runs {@code mail.welcome}: greets a new account at the address it signed up with. */
final class WelcomeMailHandler implements JobHandler {

  private final SmtpMailer mailer;
  private final MailTemplates templates;

  WelcomeMailHandler(SmtpMailer mailer, MailTemplates templates) {
    this.mailer = mailer;
    this.templates = templates;
  }

  @Override
  public String type() {
    return JobTypes.WELCOME_MAIL;
  }

  @Override
  public void handle(Job job) throws JobRejected, MessagingException {
    WelcomeMail welcome = Payloads.read(job, WelcomeMail.class);
    mailer.send(
        new Mail(
            job.id(),
            type(),
            null,
            welcome.accountId(),
            Mail.address(welcome.accountId(), welcome.email(), welcome.name()),
            templates.welcome(welcome.name(), welcome.email())));
  }
}
