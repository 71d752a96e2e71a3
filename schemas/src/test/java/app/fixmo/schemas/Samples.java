package app.fixmo.schemas;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.RequestContext;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Valid envelopes with every field filled, for the contract tests. */
final class Samples {

  static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");
  static final RequestContext REQUEST =
      new RequestContext("req-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

  private Samples() {}

  static Command command() {
    return Command.of(
        "account.register", "ana@example.com", "anonymous", AT, REQUEST, Map.of("a", 1));
  }

  static Event event() {
    return Event.of(command(), "account.registered", "acc-1", 1, AT, Map.of("b", 2));
  }

  static ViewDocument view() {
    return new ViewDocument("account", "acc-1", 1, AT, "req-1", Json.toTree(Map.of("c", 3)));
  }

  static Outcome outcome() {
    Outcome succeeded =
        Outcome.succeeded(command(), 201, Map.of("accountId", "acc-1"), AT, List.of(view()));
    return new Outcome(
        succeeded.id(),
        succeeded.requestId(),
        succeeded.state(),
        succeeded.status(),
        succeeded.resource(),
        Problem.conflict("email-taken", "taken"),
        succeeded.actor(),
        succeeded.at(),
        succeeded.schemaVersion(),
        succeeded.traceparent(),
        succeeded.views());
  }

  static Job job() {
    Job first = Job.of(event(), "default", "mail.welcome", Map.of("d", 4));
    return new Job(
        first.id(),
        first.queue(),
        first.type(),
        first.payload(),
        first.attempt(),
        AT.plusSeconds(60),
        first.idempotencyKey(),
        first.submittedBy(),
        first.submittedAt(),
        first.schemaVersion(),
        first.requestId(),
        first.traceparent());
  }
}
