package app.fixmo.schemas.envelopes;

/** The request identity that travels with every message: its id and its trace context. */
public record RequestContext(String requestId, String traceparent) {}
