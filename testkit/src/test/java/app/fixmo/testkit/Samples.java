package app.fixmo.testkit;

import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.Json;
import java.time.Instant;
import java.util.Map;

/** Contract records for tests, valid and with fixed times so they survive a round trip. */
final class Samples {

  private Samples() {}

  static Job job(String type) {
    return new Job(
        Ids.newId(),
        "default",
        type,
        Json.toTree(Map.of("to", "ada@example.com")),
        1,
        null,
        null,
        "testkit",
        Instant.parse("2026-01-02T03:04:05Z"),
        Job.SCHEMA_VERSION,
        "request-1",
        null);
  }
}
