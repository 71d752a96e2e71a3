package app.fixmo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A provider's open slots as its page lists them, grouped by day in the provider's zone. The demo
 * books each booking of a provider on a day of its own, so a long job never runs into the next.
 */
final class DemoSlots {

  private static final int TRIES_PER_DAY = 4;

  private final List<List<Instant>> days;
  private final Set<Instant> open;
  private final Duration slot;

  private DemoSlots(List<List<Instant>> days, Duration slot) {
    this.days = days;
    this.open = new HashSet<>();
    days.forEach(open::addAll);
    this.slot = slot;
  }

  /** Reads the {@code openSlots}, {@code timeZone} and {@code slotMinutes} of a provider page. */
  static DemoSlots of(JsonNode page) {
    ZoneId zone = ZoneId.of(page.path("timeZone").asText(DemoHours.TIME_ZONE));
    Map<LocalDate, List<Instant>> byDay = new TreeMap<>();
    for (JsonNode slot : page.path("openSlots")) {
      Instant start = Instant.parse(slot.asText());
      byDay.computeIfAbsent(start.atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(start);
    }
    int minutes = page.path("slotMinutes").asInt(DemoHours.SLOT_MINUTES);
    return new DemoSlots(List.copyOf(byDay.values()), Duration.ofMinutes(minutes));
  }

  /**
   * Returns the starts to try, best first, for the n-th booking of a job of the given length: on
   * the (n+1)-th open day, so the first open day (often today, whose slots run out soon) is left
   * alone; from a time that varies with {@code spread}; and only where the whole job fits in open
   * slots, so it neither runs past closing time nor into another booking.
   */
  List<Instant> candidates(int n, int spread, int durationMinutes) {
    if (n + 1 >= days.size()) {
      return List.of();
    }
    List<Instant> day = days.get(n + 1);
    List<Instant> candidates = new ArrayList<>();
    for (int i = 0; i < day.size() && candidates.size() < TRIES_PER_DAY; i++) {
      Instant start = day.get((spread + i) % day.size());
      if (fits(start, Duration.ofMinutes(durationMinutes))) {
        candidates.add(start);
      }
    }
    return candidates;
  }

  private boolean fits(Instant start, Duration job) {
    for (Instant at = start; at.isBefore(start.plus(job)); at = at.plus(slot)) {
      if (!open.contains(at)) {
        return false;
      }
    }
    return true;
  }
}
