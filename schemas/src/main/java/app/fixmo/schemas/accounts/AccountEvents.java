package app.fixmo.schemas.accounts;

/** The facts the accounts processor records, and their payloads. */
public final class AccountEvents {

  /** Type of {@link Registered}. */
  public static final String REGISTERED = "account.registered";

  private AccountEvents() {}

  /** An account was opened. Carries no password hash: events are for everyone downstream. */
  public record Registered(String accountId, String email, String name, Role role, String city) {}
}
