package app.fixmo.schemas.accounts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an account does on FixMo. */
public enum Role {
  CUSTOMER,
  PROVIDER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the wire name; anything else is refused. */
  @JsonCreator
  public static Role fromWire(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("must be customer or provider");
  }
}
