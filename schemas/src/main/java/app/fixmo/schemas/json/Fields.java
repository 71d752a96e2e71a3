package app.fixmo.schemas.json;

import java.util.regex.Pattern;

/**
 * Checks for record components, called from compact constructors so that no record of the contract
 * can exist in a state the contract forbids. Each failure names its field.
 */
public final class Fields {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private Fields() {}

  /** Returns the value, or throws if it is null. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw SchemaViolation.ofField(field, "is required");
    }
    return value;
  }

  /** Returns the text, or throws if it is null, blank or longer than {@code max} characters. */
  public static String text(String value, String field, int max) {
    required(value, field);
    if (value.isBlank()) {
      throw SchemaViolation.ofField(field, "must not be blank");
    }
    return optionalText(value, field, max);
  }

  /** Returns the text (possibly null), or throws if it is longer than {@code max} characters. */
  public static String optionalText(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw SchemaViolation.ofField(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /** Returns the number, or throws if it lies outside {@code [min, max]}. */
  public static int between(int value, String field, int min, int max) {
    if (value < min || value > max) {
      throw SchemaViolation.ofField(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Returns the text, or throws if it is not one of the allowed values. */
  public static String oneOf(String value, String field, java.util.List<String> allowed) {
    required(value, field);
    if (!allowed.contains(value)) {
      throw SchemaViolation.ofField(field, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** Returns the normalised e-mail address, or throws if it is not one. */
  public static String email(String value, String field) {
    String normalised = EmailAddress.normalise(text(value, field, 254));
    if (!EMAIL.matcher(normalised).matches()) {
      throw SchemaViolation.ofField(field, "must be an e-mail address");
    }
    return normalised;
  }
}
