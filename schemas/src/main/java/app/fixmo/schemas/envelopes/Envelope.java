package app.fixmo.schemas.envelopes;

import java.util.UUID;

/** What every message FixMo puts on Kafka carries, whatever its kind. */
public sealed interface Envelope permits Command, Event, Outcome, Job {

  /** Returns the message's unique, time-ordered id. */
  UUID id();

  /** Returns the message type. */
  String type();

  /** Returns the id of the HTTP request (or other cause) it belongs to. */
  String requestId();

  /** Returns the W3C trace context, or null. */
  String traceparent();
}
