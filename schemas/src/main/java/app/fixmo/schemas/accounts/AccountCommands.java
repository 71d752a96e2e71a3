package app.fixmo.schemas.accounts;

import app.fixmo.schemas.json.Fields;

/** The commands the accounts processor decides, and their payloads. */
public final class AccountCommands {

  /** Type of {@link Register}. */
  public static final String REGISTER = "account.register";

  private AccountCommands() {}

  /**
   * Opens an account. The edge has already hashed the password: no password reaches Kafka.
   *
   * @param email normalised e-mail address; also the command key
   * @param passwordHash Argon2id hash in PHC string form
   */
  public record Register(String email, String passwordHash, String name, Role role, String city) {

    public Register {
      email = Fields.email(email, "email");
      Fields.text(passwordHash, "passwordHash", 500);
      Fields.text(name, "name", 100);
      Fields.required(role, "role");
      Fields.text(city, "city", 100);
    }
  }
}
