package app.fixmo.edge.accounts;

import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.json.Fields;

/** The bodies clients send to the account routes, checked field by field as they are read. */
final class AccountRequests {

  private AccountRequests() {}

  /** {@code POST /api/auth/register}. */
  record Register(String email, String password, String name, Role role, String city) {

    Register {
      email = Fields.email(email, "email");
      password = checkedPassword(password);
      Fields.text(name, "name", 100);
      Fields.required(role, "role");
      Fields.text(city, "city", 100);
    }
  }

  /** {@code POST /api/auth/login}. */
  record Login(String email, String password) {

    Login {
      email = app.fixmo.schemas.json.EmailAddress.normalise(Fields.text(email, "email", 254));
      Fields.text(password, "password", 128);
    }
  }

  private static String checkedPassword(String password) {
    Fields.text(password, "password", 128);
    if (password.length() < 8) {
      throw app.fixmo.schemas.json.SchemaViolation.ofField(
          "password", "must be at least 8 characters");
    }
    return password;
  }
}
