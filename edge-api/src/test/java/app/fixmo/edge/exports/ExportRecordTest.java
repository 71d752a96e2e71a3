package app.fixmo.edge.exports;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportRecordTest {

  private static final Instant REQUESTED = Instant.parse("2026-12-04T09:00:00Z");
  private static final Instant READY = Instant.parse("2026-12-04T09:00:02Z");
  private static final Instant EXPIRES = Instant.parse("2026-12-05T09:00:02Z");

  @Test
  void aPendingExportShowsNeitherRowsNorADownload() {
    ExportRecord record = record(pending());

    JsonNode shown = Json.toTree(ExportView.of(record, Optional.of(JobStatus.State.RUNNING)));

    assertThat(shown.get("exportId").asText()).isEqualTo("e1");
    assertThat(shown.get("state").asText()).isEqualTo("pending");
    assertThat(shown.get("requestedAt").asText()).isEqualTo(REQUESTED.toString());
    assertThat(shown.get("expiresAt").asText()).isEqualTo("2026-12-05T09:00:00Z");
    assertThat(shown.has("readyAt")).isFalse();
    assertThat(shown.has("rows")).isFalse();
    assertThat(shown.has("download")).isFalse();
  }

  @Test
  void aBuiltExportShowsItsRowsSizeAndDownload() {
    ExportRecord record = record(ready());

    JsonNode shown = Json.toTree(ExportView.of(record, Optional.of(JobStatus.State.SUCCEEDED)));

    assertThat(shown.get("state").asText()).isEqualTo("ready");
    assertThat(shown.get("readyAt").asText()).isEqualTo(READY.toString());
    assertThat(shown.get("expiresAt").asText()).isEqualTo(EXPIRES.toString());
    assertThat(shown.get("rows").asInt()).isEqualTo(3);
    assertThat(shown.get("bytes").asInt()).isEqualTo(812);
    assertThat(shown.get("download").asText()).isEqualTo("/api/me/exports/e1/bookings.csv");
  }

  @Test
  void aPendingExportWhoseJobDiedHasFailed() {
    ExportRecord record = record(pending());

    assertThat(record.state(Optional.of(JobStatus.State.DEAD)))
        .isEqualTo(ExportRecord.State.FAILED);
    assertThat(
            Json.toTree(ExportView.of(record, Optional.of(JobStatus.State.DEAD))).has("download"))
        .isFalse();
  }

  @Test
  void aPendingExportWhoseJobIsRetryingOrUnknownIsStillPending() {
    ExportRecord record = record(pending());

    assertThat(record.state(Optional.of(JobStatus.State.RETRYING)))
        .isEqualTo(ExportRecord.State.PENDING);
    assertThat(record.state(Optional.empty())).isEqualTo(ExportRecord.State.PENDING);
  }

  @Test
  void aBuiltExportStaysReadyWhateverItsJobSays() {
    assertThat(record(ready()).state(Optional.of(JobStatus.State.DEAD)))
        .isEqualTo(ExportRecord.State.READY);
  }

  @Test
  void onlyTheProviderItWasMadeForMaySeeIt() {
    ExportRecord record = record(pending());

    assertThat(record.isVisibleTo("p1")).isTrue();
    assertThat(record.isVisibleTo("p2")).isFalse();
  }

  @Test
  void aHashWithoutItsIdOrOwnerIsNoExport() {
    Map<String, String> ownerless = new HashMap<>(pending());
    ownerless.remove("providerId");

    assertThat(ExportRecord.fromFields(Map.of())).isEmpty();
    assertThat(ExportRecord.fromFields(ownerless)).isEmpty();
  }

  private static Map<String, String> pending() {
    return ExportRecord.pendingFields("e1", "p1", REQUESTED, REQUESTED.plus(ExportRecords.KEPT));
  }

  private static Map<String, String> ready() {
    Map<String, String> fields = new HashMap<>(pending());
    fields.put("state", "ready");
    fields.put("readyAt", READY.toString());
    fields.put("expiresAt", EXPIRES.toString());
    fields.put("rows", "3");
    fields.put("bytes", "812");
    return fields;
  }

  private static ExportRecord record(Map<String, String> fields) {
    return ExportRecord.fromFields(fields).orElseThrow();
  }
}
