package app.fixmo.workers.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.json.SchemaViolation;

/** Reads job payloads; one that does not fit its type can never succeed. */
public final class Payloads {

  private Payloads() {}

  /** Returns the payload as its type's record, or rejects the job naming the bad field. */
  public static <T> T read(Job job, Class<T> type) throws JobRejected {
    try {
      return job.payloadAs(type);
    } catch (SchemaViolation e) {
      String where = e.field().isEmpty() ? "" : " at 'payload." + e.field() + "'";
      throw new JobRejected(
          "the payload does not fit " + job.type() + where + ": " + e.getMessage());
    }
  }
}
