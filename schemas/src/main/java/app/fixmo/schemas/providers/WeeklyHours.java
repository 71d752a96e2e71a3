package app.fixmo.schemas.providers;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.json.SchemaViolation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a provider works: per weekday, the opening intervals in the provider's own time zone, and
 * the length of one bookable slot. Days not listed are closed. Slots start at an interval's {@code
 * from} and every {@code slotMinutes} after, and a slot must end by the interval's {@code to}.
 *
 * @param timeZone an IANA zone id such as {@code Asia/Manila}; the hours are wall-clock times there
 * @param slotMinutes the length of one slot, 5 to 480 minutes
 * @param hours per weekday, intervals in time order that do not overlap
 */
public record WeeklyHours(String timeZone, int slotMinutes, Map<DayOfWeek, List<Interval>> hours) {

  public WeeklyHours {
    Fields.text(timeZone, "timeZone", 60);
    zoneOf(timeZone);
    Fields.between(slotMinutes, "slotMinutes", 5, 480);
    Fields.required(hours, "hours");
    hours = checkedDays(hours);
  }

  /** One opening interval of a day, as wall-clock times {@code HH:mm}. */
  public record Interval(LocalTime from, LocalTime to) {

    public Interval {
      Fields.required(from, "from");
      Fields.required(to, "to");
      if (!from.isBefore(to)) {
        throw SchemaViolation.ofField("to", "must be after from (" + from + ")");
      }
    }
  }

  /** Returns the zone the hours are in. */
  public ZoneId zone() {
    return zoneOf(timeZone);
  }

  /** Returns the intervals of a weekday, empty when it is closed. */
  public List<Interval> on(DayOfWeek day) {
    return hours.getOrDefault(day, List.of());
  }

  private static ZoneId zoneOf(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw SchemaViolation.ofField("timeZone", "is not a known time zone id: " + timeZone);
    }
  }

  private static Map<DayOfWeek, List<Interval>> checkedDays(Map<DayOfWeek, List<Interval>> days) {
    Map<DayOfWeek, List<Interval>> checked = new EnumMap<>(DayOfWeek.class);
    days.forEach(
        (day, intervals) -> {
          Fields.required(day, "hours");
          checked.put(day, checkedIntervals(day, intervals));
        });
    return Collections.unmodifiableMap(checked);
  }

  private static List<Interval> checkedIntervals(DayOfWeek day, List<Interval> intervals) {
    String field = "hours." + day;
    Fields.required(intervals, field);
    if (intervals.size() > 12) {
      throw SchemaViolation.ofField(field, "must have at most 12 intervals");
    }
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.forEach(interval -> Fields.required(interval, field));
    sorted.sort((a, b) -> a.from().compareTo(b.from()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
        throw SchemaViolation.ofField(field, "intervals must not overlap");
      }
    }
    return List.copyOf(sorted);
  }
}
