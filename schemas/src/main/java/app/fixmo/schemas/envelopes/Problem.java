package app.fixmo.schemas.envelopes;

import java.util.List;

/**
 * An RFC 9457 problem: why a request failed. Travels inside rejected outcomes and is what the edge
 * answers with, as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status that goes with it
 * @param detail what went wrong this time
 * @param errors for validation problems, each bad field and why; otherwise empty
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  private static final String BASE = "https://fixmo.app/problems/";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  /** A problem of the given kind with no field errors. */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(BASE + slug, title, status, detail, List.of());
  }

  /** A 409: the request conflicts with the current state. */
  public static Problem conflict(String slug, String detail) {
    return of(409, slug, "Conflict", detail);
  }

  /** A 422 naming one invalid field. */
  public static Problem invalidField(String field, String message) {
    return new Problem(
        BASE + "validation",
        "Invalid request",
        422,
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }
}
