package app.fixmo.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/**
 * A JSON document that breaks the contract: unreadable, or readable but with a field that is
 * unknown, missing, of the wrong type or out of bounds.
 *
 * <p>{@link #field()} names the offending field as a dotted path ({@code payload.email}), or is
 * empty when the document as a whole is unreadable ({@link #isMalformed()}).
 */
public final class SchemaViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final boolean malformed;

  private SchemaViolation(String field, String message, boolean malformed, Throwable cause) {
    super(message, cause);
    this.field = field;
    this.malformed = malformed;
  }

  /** A field of a readable document is wrong. */
  public static SchemaViolation ofField(String field, String message) {
    return new SchemaViolation(field, message, false, null);
  }

  /** Returns the dotted path of the offending field, or an empty string. */
  public String field() {
    return field;
  }

  /** Tells whether the document could not be parsed as JSON at all. */
  public boolean isMalformed() {
    return malformed;
  }

  /** Turns a Jackson failure into a violation that names the field. */
  static SchemaViolation from(Exception e) {
    if (e instanceof JsonMappingException mapping) {
      return fromMapping(mapping);
    }
    if (e instanceof JsonProcessingException parse) {
      return new SchemaViolation("", "malformed JSON: " + parse.getOriginalMessage(), true, e);
    }
    return new SchemaViolation("", "unreadable document: " + e.getMessage(), true, e);
  }

  private static SchemaViolation fromMapping(JsonMappingException e) {
    String path = pathOf(e);
    if (e instanceof ValueInstantiationException && e.getCause() instanceof SchemaViolation own) {
      String field = path.isEmpty() ? own.field : join(path, own.field);
      return new SchemaViolation(field, own.getMessage(), false, e);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = join(path.replaceFirst("\\.?[^.]*$", ""), unknown.getPropertyName());
      return new SchemaViolation(field, "unknown field", false, e);
    }
    if (e instanceof InvalidFormatException format) {
      return invalidFormat(path, format);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return mismatched(path, mismatch);
    }
    return new SchemaViolation(path, e.getOriginalMessage(), false, e);
  }

  private static SchemaViolation invalidFormat(String path, InvalidFormatException e) {
    Class<?> target = e.getTargetType();
    boolean scalar =
        target == String.class || target.isPrimitive() || Number.class.isAssignableFrom(target);
    String message =
        scalar ? "must be " + describe(target) : "invalid value '" + e.getValue() + "'";
    return new SchemaViolation(path, message, false, e);
  }

  private static SchemaViolation mismatched(String path, MismatchedInputException e) {
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Missing required creator property")) {
      String name = message.replaceFirst("^Missing required creator property '([^']*)'.*$", "$1");
      return new SchemaViolation(join(path, name), "is required", false, e);
    }
    if (e.getTargetType() != null) {
      String expected = describe(e.getTargetType());
      return new SchemaViolation(path, "must be " + expected, false, e);
    }
    return new SchemaViolation(path, message, false, e);
  }

  private static String describe(Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 time";
    }
    return "an object";
  }

  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "" + ref.getIndex())
        .collect(Collectors.joining("."));
  }

  private static String join(String parent, String child) {
    if (parent.isEmpty()) {
      return child;
    }
    return child.isEmpty() ? parent : parent + "." + child;
  }
}
