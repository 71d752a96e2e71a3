package app.fixmo.schemas.json;

import java.util.Locale;

/** The one rule for comparing e-mail addresses: trimmed and lower-cased, whole. */
public final class EmailAddress {

  private EmailAddress() {}

  /**
   * Returns the normalised form of an address.
   *
   * <p>Lower-casing the local part is stricter than RFC 5321 allows, but no mail provider in use
   * treats case as significant, and two accounts differing only in case would be a trap.
   */
  public static String normalise(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
