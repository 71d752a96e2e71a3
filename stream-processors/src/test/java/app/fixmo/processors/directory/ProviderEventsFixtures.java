package app.fixmo.processors.directory;

import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.ProviderSummary;
import app.fixmo.schemas.providers.ProviderEvents.SummaryChanged;
import app.fixmo.schemas.providers.ProviderViews.CardRating;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Builds the provider events the tests send, as the providers processor would. */
public final class ProviderEventsFixtures {

  /** When every event the fixtures build was decided. */
  public static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

  /** The trace context every event carries. */
  public static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private ProviderEventsFixtures() {}

  /** Returns a summary without prices, named after the provider's id. */
  public static ProviderSummary summary(
      String providerId, String city, double average, int count, Category... categories) {
    return new ProviderSummary(
        providerId,
        "Provider " + providerId,
        city,
        List.of(categories),
        new CardRating(average, count),
        new TreeMap<>());
  }

  /** Returns the event of a summary change; previous is null for a provider new to the lists. */
  public static Event summaryChanged(ProviderSummary current, ProviderSummary previous) {
    return event(
        ProviderEvents.SUMMARY_CHANGED,
        current.providerId(),
        Json.toTree(new SummaryChanged(current, previous)));
  }

  /** Returns an event of any type, key and payload, with a fresh id and request id. */
  public static Event event(String type, String key, JsonNode payload) {
    return new Event(
        Ids.newId(),
        type,
        key,
        1,
        "account:" + key,
        AT,
        Event.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        TRACEPARENT,
        payload);
  }
}
