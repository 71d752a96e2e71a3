package app.fixmo.processors.providers;

import app.fixmo.schemas.providers.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bookable slots of a provider's {@link WeeklyHours}, as instants.
 *
 * <p>Hours are wall-clock times in the provider's zone, so the grid is laid one local date at a
 * time: on each date, every opening interval of its weekday has slots at {@code from} and every
 * {@code slotMinutes} after, as long as {@code start + slotMinutes <= to} on the wall clock. Each
 * local start is then turned into an instant in the zone. A client may name a slot in any offset
 * ({@code 00:00Z} is {@code 08:00} in Manila): only the instant counts.
 *
 * <p>Daylight saving time, where a reader would otherwise guess:
 *
 * <ul>
 *   <li>A local start that does not exist (it falls in a gap, when clocks jump forward) is skipped:
 *       that day simply has one slot fewer.
 *   <li>A local start that exists twice (it falls in an overlap, when clocks go back) is taken at
 *       the earlier offset, the first of the two instants; the second instant is not on the grid.
 *   <li>An interval's end is resolved the same way (a gap moves it later by the gap's length).
 *       Slots are laid on the wall clock, so on such a day a slot may last an hour more or less in
 *       elapsed time than its neighbours, and two slots may be an hour further apart.
 * </ul>
 *
 * <p>Pure: the grid reads no clock.
 */
final class SlotGrid {

  private final WeeklyHours hours;
  private final ZoneId zone;
  private final Duration slotLength;

  SlotGrid(WeeklyHours hours) {
    this.hours = hours;
    this.zone = hours.zone();
    this.slotLength = Duration.ofMinutes(hours.slotMinutes());
  }

  /** One slot: where it starts, and where the opening interval it lies in ends. */
  private record Slot(Instant start, Instant openingEnd) {}

  /** Returns the length of one slot. */
  Duration slotLength() {
    return slotLength;
  }

  /** Returns the slot starts in {@code [from, to)}, in time order. */
  List<Instant> starts(Instant from, Instant to) {
    List<Instant> starts = new ArrayList<>();
    // A day earlier: the first slots of a date can come before its midnight in another offset.
    LocalDate last = localDate(to);
    for (LocalDate date = localDate(from).minusDays(1); !date.isAfter(last); ) {
      for (Slot slot : slotsOn(date)) {
        if (!slot.start().isBefore(from) && slot.start().isBefore(to)) {
          starts.add(slot.start());
        }
      }
      date = date.plusDays(1);
    }
    // In date order already, except in a zone whose clocks go back across midnight.
    starts.sort(null);
    return starts;
  }

  /** Returns the slot starts a span {@code [start, end)} covers, in time order. */
  List<Instant> covered(Instant start, Instant end) {
    return starts(start, end);
  }

  /** Tells whether an instant is a slot start. */
  boolean isOnGrid(Instant instant) {
    return slotAt(instant).isPresent();
  }

  /** Returns where the opening interval of the slot starting at {@code start} ends, if any. */
  Optional<Instant> openingEnd(Instant start) {
    return slotAt(start).map(Slot::openingEnd);
  }

  /** Tells whether an instant falls inside an opening interval, on the grid or not. */
  boolean isWithinHours(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    LocalTime time = local.toLocalTime();
    return hours.on(local.getDayOfWeek()).stream()
        .anyMatch(interval -> !time.isBefore(interval.from()) && time.isBefore(interval.to()));
  }

  /** Returns an instant as the provider reads it, for example {@code Monday 16:00 Asia/Manila}. */
  String describe(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    String day = local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return day + " " + local.toLocalTime() + " " + zone.getId();
  }

  private Optional<Slot> slotAt(Instant instant) {
    LocalDate date = localDate(instant);
    return slotsOn(date).stream().filter(slot -> slot.start().equals(instant)).findFirst();
  }

  private List<Slot> slotsOn(LocalDate date) {
    List<Slot> slots = new ArrayList<>();
    long step = slotLength.toNanos();
    for (WeeklyHours.Interval interval : hours.on(date.getDayOfWeek())) {
      Instant openingEnd = ZonedDateTime.of(date, interval.to(), zone).toInstant();
      long to = interval.to().toNanoOfDay();
      for (long from = interval.from().toNanoOfDay(); from + step <= to; from += step) {
        LocalDateTime start = LocalDateTime.of(date, LocalTime.ofNanoOfDay(from));
        existing(start).ifPresent(instant -> slots.add(new Slot(instant, openingEnd)));
      }
    }
    return slots;
  }

  private Optional<Instant> existing(LocalDateTime local) {
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      return Optional.empty();
    }
    // For a time in an overlap, no preferred offset means the earlier one.
    return Optional.of(ZonedDateTime.ofLocal(local, zone, null).toInstant());
  }

  private LocalDate localDate(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }
}
