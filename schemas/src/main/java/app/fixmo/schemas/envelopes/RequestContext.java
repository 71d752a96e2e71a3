package app.fixmo.schemas.envelopes;

/** The request identity that travels with every message: its id and its trace context. */
public record RequestContext(String requestId, String traceparent) {

  /** A context for work that no HTTP request started, such as seeding or scheduling. */
  public static RequestContext system(String requestId) {
    return new RequestContext(requestId, null);
  }
}
