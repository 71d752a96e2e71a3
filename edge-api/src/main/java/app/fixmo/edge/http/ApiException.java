package app.fixmo.edge.http;

import app.fixmo.schemas.envelopes.Problem;
import java.util.Map;

/** A request the edge refuses, with the problem to answer and any headers to add. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ApiException(Problem problem) {
    this(problem, Map.of());
  }

  public ApiException(Problem problem, Map<String, String> headers) {
    super(problem.detail());
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  /** Returns the problem to answer with. */
  public Problem problem() {
    return problem;
  }

  /** Returns headers that go with the answer (for example {@code Retry-After}). */
  public Map<String, String> headers() {
    return headers;
  }

  /** A 400: the body is not JSON at all. */
  public static ApiException malformed(String detail) {
    return new ApiException(Problem.of(400, "malformed", "Malformed request", detail));
  }

  /** A 401 with the given detail. */
  public static ApiException unauthorized(String detail) {
    return new ApiException(Problem.of(401, "unauthorized", "Unauthorized", detail));
  }

  /** A 403 with the given detail. */
  public static ApiException forbidden(String detail) {
    return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  /** A 404: nothing here, or nothing this caller may see. */
  public static ApiException notFound(String detail) {
    return new ApiException(Problem.of(404, "not-found", "Not found", detail));
  }

  /** A 503: a dependency did not answer; the request was not accepted. */
  public static ApiException unavailable(String detail) {
    return new ApiException(Problem.of(503, "unavailable", "Service unavailable", detail));
  }
}
