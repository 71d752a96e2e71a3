package app.fixmo.cli;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The weekly hours demo providers keep, in Asia/Manila, with one-hour slots. */
enum DemoHours {
  /** Monday to Saturday, 08:00 to 17:00 with a lunch hour. */
  MON_SAT(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, false, "08:00", "12:00", "13:00", "17:00"),

  /** Tuesday to Sunday, a later start and a later finish. */
  TUE_SUN(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY, false, "09:00", "12:00", "13:00", "18:00"),

  /** Monday to Friday full days, and Saturday mornings. */
  WEEKDAYS_HALF_SAT(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, true, "08:00", "12:00", "13:00", "17:00");

  static final String TIME_ZONE = "Asia/Manila";
  static final int SLOT_MINUTES = 60;

  private final DayOfWeek first;
  private final DayOfWeek last;
  private final boolean saturdayMorning;
  private final List<Span> day;

  DemoHours(
      DayOfWeek first,
      DayOfWeek last,
      boolean saturdayMorning,
      String opens,
      String lunch,
      String reopens,
      String closes) {
    this.first = first;
    this.last = last;
    this.saturdayMorning = saturdayMorning;
    this.day = List.of(new Span(opens, lunch), new Span(reopens, closes));
  }

  /** An opening interval as the API writes it, {@code HH:mm}. */
  record Span(String from, String to) {}

  /** The body of {@code PUT /api/providers/me/availability}. */
  record Availability(String timeZone, int slotMinutes, Map<DayOfWeek, List<Span>> hours) {}

  /** Returns the availability body for these hours. */
  Availability availability() {
    Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      hours.put(d, day);
      if (d == last) {
        break;
      }
    }
    if (saturdayMorning) {
      hours.put(DayOfWeek.SATURDAY, List.of(day.get(0)));
    }
    return new Availability(TIME_ZONE, SLOT_MINUTES, hours);
  }
}
