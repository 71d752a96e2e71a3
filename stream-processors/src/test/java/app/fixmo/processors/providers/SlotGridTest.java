package app.fixmo.processors.providers;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.providers.WeeklyHours.Interval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotGridTest {

  private static final Instant MONDAY_MANILA = Instant.parse("2026-12-06T16:00:00Z");
  private static final Instant TUESDAY_MANILA = Instant.parse("2026-12-07T16:00:00Z");

  @Test
  void slotsStartAtEachIntervalsOpeningAndEverySlotLengthAfter() {
    SlotGrid grid = new SlotGrid(ProviderFixtures.manilaWeekdays(60));

    List<Instant> monday = grid.starts(MONDAY_MANILA, TUESDAY_MANILA);

    assertThat(monday)
        .containsExactly(
            Instant.parse("2026-12-07T00:00:00Z"),
            Instant.parse("2026-12-07T01:00:00Z"),
            Instant.parse("2026-12-07T02:00:00Z"),
            Instant.parse("2026-12-07T03:00:00Z"),
            Instant.parse("2026-12-07T05:00:00Z"),
            Instant.parse("2026-12-07T06:00:00Z"),
            Instant.parse("2026-12-07T07:00:00Z"),
            Instant.parse("2026-12-07T08:00:00Z"));
  }

  @Test
  void slotThatWouldEndAfterTheIntervalIsNotOnTheGrid() {
    SlotGrid grid = new SlotGrid(mondays("Asia/Manila", 60, "08:00", "10:30"));

    List<Instant> monday = grid.starts(MONDAY_MANILA, TUESDAY_MANILA);

    assertThat(monday)
        .containsExactly(
            Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-07T01:00:00Z"));
    assertThat(grid.isOnGrid(Instant.parse("2026-12-07T02:00:00Z"))).isFalse();
    assertThat(grid.isWithinHours(Instant.parse("2026-12-07T02:00:00Z"))).isTrue();
  }

  @Test
  void windowTakesItsStartAndLeavesItsEnd() {
    SlotGrid grid = new SlotGrid(ProviderFixtures.manilaWeekdays(60));

    List<Instant> starts =
        grid.starts(Instant.parse("2026-12-07T01:00:00Z"), Instant.parse("2026-12-07T03:00:00Z"));

    assertThat(starts)
        .containsExactly(
            Instant.parse("2026-12-07T01:00:00Z"), Instant.parse("2026-12-07T02:00:00Z"));
  }

  @Test
  void manilaMorningNamedInUtcIsOnTheGridAndManilaEveningIsNot() {
    SlotGrid grid = new SlotGrid(mondays("Asia/Manila", 60, "08:00", "16:00"));

    Instant eightInManila = Instant.parse("2026-12-07T00:00:00Z");
    Instant fourPmInManila = Instant.parse("2026-12-07T08:00:00Z");

    assertThat(grid.isOnGrid(eightInManila)).isTrue();
    assertThat(grid.isOnGrid(fourPmInManila)).isFalse();
    assertThat(grid.isWithinHours(fourPmInManila)).isFalse();
    assertThat(grid.describe(fourPmInManila)).isEqualTo("Monday 16:00 Asia/Manila");
  }

  @Test
  void instantBetweenSlotsIsWithinHoursButNotOnTheGrid() {
    SlotGrid grid = new SlotGrid(ProviderFixtures.manilaWeekdays(60));

    Instant halfPastEight = Instant.parse("2026-12-07T00:30:00Z");

    assertThat(grid.isOnGrid(halfPastEight)).isFalse();
    assertThat(grid.isWithinHours(halfPastEight)).isTrue();
  }

  @Test
  void openingEndIsWhereTheSlotsIntervalCloses() {
    SlotGrid grid = new SlotGrid(ProviderFixtures.manilaWeekdays(60));

    assertThat(grid.openingEnd(Instant.parse("2026-12-07T01:00:00Z")))
        .contains(Instant.parse("2026-12-07T04:00:00Z"));
    assertThat(grid.openingEnd(Instant.parse("2026-12-07T04:00:00Z"))).isEmpty();
  }

  @Test
  void spanCoversEverySlotStartingInsideIt() {
    SlotGrid grid = new SlotGrid(ProviderFixtures.manilaWeekdays(30));

    List<Instant> covered =
        grid.covered(Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-07T01:15:00Z"));

    assertThat(covered)
        .containsExactly(
            Instant.parse("2026-12-07T00:00:00Z"),
            Instant.parse("2026-12-07T00:30:00Z"),
            Instant.parse("2026-12-07T01:00:00Z"));
  }

  @Test
  void slotInTheSpringGapIsSkipped() {
    // Berlin, Sunday 2026-03-29: clocks jump from 02:00 to 03:00, so 02:00 never happens.
    SlotGrid grid = new SlotGrid(sundays("Europe/Berlin", 60, "01:00", "05:00"));

    List<Instant> sunday =
        grid.starts(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z"));

    assertThat(sunday)
        .containsExactly(
            Instant.parse("2026-03-29T00:00:00Z"),
            Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-03-29T02:00:00Z"));
  }

  @Test
  void slotInTheAutumnOverlapIsTakenAtTheEarlierOffsetOnly() {
    // Berlin, Sunday 2026-10-25: clocks go back from 03:00 to 02:00, so 02:00 happens twice.
    SlotGrid grid = new SlotGrid(sundays("Europe/Berlin", 60, "01:00", "04:00"));

    List<Instant> sunday =
        grid.starts(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"));

    assertThat(sunday)
        .containsExactly(
            Instant.parse("2026-10-24T23:00:00Z"),
            Instant.parse("2026-10-25T00:00:00Z"),
            Instant.parse("2026-10-25T02:00:00Z"));
    assertThat(grid.isOnGrid(Instant.parse("2026-10-25T01:00:00Z"))).isFalse();
  }

  @Test
  void newYorkSlotsKeepTheirWallClockTimeAcrossTheChange() {
    // New York, Sunday 2026-03-01 (EST, UTC-5) and Sunday 2026-03-08, when clocks jump from
    // 02:00 to 03:00 (EDT, UTC-4).
    SlotGrid grid = new SlotGrid(sundays("America/New_York", 60, "09:00", "10:00"));

    List<Instant> twoSundays =
        grid.starts(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"));

    assertThat(twoSundays)
        .containsExactly(
            Instant.parse("2026-03-01T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"));
  }

  private static WeeklyHours mondays(String zone, int slotMinutes, String from, String to) {
    return oneDay(DayOfWeek.MONDAY, zone, slotMinutes, from, to);
  }

  private static WeeklyHours sundays(String zone, int slotMinutes, String from, String to) {
    return oneDay(DayOfWeek.SUNDAY, zone, slotMinutes, from, to);
  }

  private static WeeklyHours oneDay(
      DayOfWeek day, String zone, int slotMinutes, String from, String to) {
    Interval interval = new Interval(LocalTime.parse(from), LocalTime.parse(to));
    return new WeeklyHours(zone, slotMinutes, Map.of(day, List.of(interval)));
  }
}
