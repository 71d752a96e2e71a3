package app.fixmo.schemas.jobs;

/** The job types FixMo runs, and their payloads. */
public final class JobTypes {

  /** Type of {@link WelcomeMail}. */
  public static final String WELCOME_MAIL = "mail.welcome";

  /** The default lane's queue name. */
  public static final String DEFAULT_QUEUE = "default";

  private JobTypes() {}

  /** Greets a new account by mail. */
  public record WelcomeMail(String accountId, String email, String name) {}
}
