package app.fixmo.processors.providers;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.json.SchemaViolation;

/**
 * Why a command is refused, thrown from deep inside the rules so that each check reads as one line;
 * {@link ProviderDecider} turns it into a rejected decision, so it never leaves the decider.
 */
final class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  private Refusal(Problem problem) {
    // No stack trace: a refusal is an answer, not a failure.
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }

  static Refusal forbidden(String detail) {
    return new Refusal(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  static Refusal notFound(String slug, String detail) {
    return new Refusal(Problem.of(404, slug, "Not found", detail));
  }

  static Refusal conflict(String slug, String detail) {
    return new Refusal(Problem.conflict(slug, detail));
  }

  static Refusal invalid(String field, String message) {
    return new Refusal(Problem.invalidField(field, message));
  }

  /** Reads a command's payload, refusing it with a 422 that names the bad field. */
  static <T> T payload(Command command, Class<T> type) {
    try {
      return command.payloadAs(type);
    } catch (SchemaViolation e) {
      throw invalid(e.field().isEmpty() ? "payload" : e.field(), e.getMessage());
    }
  }
}
