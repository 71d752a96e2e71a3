package app.fixmo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSlotsTest {

  /** Two days in Manila (UTC+8), each open 08:00-12:00 and 13:00-17:00, one-hour slots. */
  private static final JsonNode PAGE = page("2026-12-04", "2026-12-05");

  @Test
  void theFirstOpenDayIsLeftAlone() {
    List<Instant> starts = DemoSlots.of(PAGE).candidates(0, 0, 60);

    assertThat(starts)
        .as("08:00 in Manila on the second day first")
        .first()
        .isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
  }

  @Test
  void aLongJobIsNotOfferedWhereItRunsIntoTheLunchHour() {
    List<Instant> starts = DemoSlots.of(PAGE).candidates(0, 2, 120);

    assertThat(starts)
        .as("10:00, then 13:00 to 15:00; not 11:00")
        .containsExactly(
            Instant.parse("2026-12-05T02:00:00Z"),
            Instant.parse("2026-12-05T05:00:00Z"),
            Instant.parse("2026-12-05T06:00:00Z"),
            Instant.parse("2026-12-05T07:00:00Z"));
  }

  @Test
  void aLongJobIsNotOfferedWhereItRunsPastClosingTime() {
    List<Instant> starts = DemoSlots.of(PAGE).candidates(0, 6, 120);

    assertThat(starts)
        .as("15:00, then 08:00 to 10:00; not 16:00")
        .containsExactly(
            Instant.parse("2026-12-05T07:00:00Z"),
            Instant.parse("2026-12-05T00:00:00Z"),
            Instant.parse("2026-12-05T01:00:00Z"),
            Instant.parse("2026-12-05T02:00:00Z"));
  }

  @Test
  void aBookingBeyondTheOpenDaysGetsNoSlot() {
    assertThat(DemoSlots.of(PAGE).candidates(1, 0, 60)).isEmpty();
  }

  private static JsonNode page(String... days) {
    List<String> slots = new ArrayList<>();
    for (String day : days) {
      Instant manilaMidnight = Instant.parse(day + "T00:00:00Z").minusSeconds(8 * 3600);
      for (int hour : new int[] {8, 9, 10, 11, 13, 14, 15, 16}) {
        slots.add(manilaMidnight.plusSeconds(hour * 3600L).toString());
      }
    }
    return Json.toTree(Map.of("timeZone", "Asia/Manila", "slotMinutes", 60, "openSlots", slots));
  }
}
