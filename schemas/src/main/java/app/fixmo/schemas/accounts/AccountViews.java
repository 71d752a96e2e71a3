package app.fixmo.schemas.accounts;

/** The account read models the edge serves from the cache. */
public final class AccountViews {

  /** View name of {@link Account} documents, keyed by account id. */
  public static final String ACCOUNT = "account";

  /** View name of {@link Credentials} documents, keyed by normalised e-mail. */
  public static final String CREDENTIALS = "credentials";

  private AccountViews() {}

  /** An account as API.md shapes it. */
  public record Account(String accountId, String email, String name, Role role, String city) {}

  /** What login checks a password against; never served to a client. */
  public record Credentials(String accountId, String email, String passwordHash) {}
}
