package app.fixmo.schemas.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the dead-letter record and its published JSON Schema in step. */
class DeadJobSchemaTest {

  private static final DeadJob SAMPLE =
      new DeadJob(
          DeadJob.Reason.MALFORMED,
          "malformed JSON: unexpected end",
          null,
          null,
          null,
          0,
          "fixmo.jobs.default",
          3,
          42L,
          "k1",
          "{\"id\":",
          null,
          Instant.parse("2026-12-04T09:00:00Z"));

  private final JsonSchema schema =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(SchemaLocation.of("classpath:json-schema/dead-job.schema.json"));

  @Test
  void schemaListsExactlyTheRecordsFields() throws IOException {
    Set<String> schemaFields = new HashSet<>();
    schemaTree().get("properties").fieldNames().forEachRemaining(schemaFields::add);
    Set<String> recordFields = new HashSet<>();
    Arrays.stream(DeadJob.class.getRecordComponents()).forEach(c -> recordFields.add(c.getName()));

    assertThat(schemaFields).isEqualTo(recordFields);
  }

  @Test
  void deadLetterWeWritePassesTheSchemaAndReadsBack() {
    ObjectNode tree = (ObjectNode) Json.toTree(SAMPLE);

    assertThat(schema.validate(tree)).isEmpty();
    assertThat(tree.get("reason").asText()).isEqualTo("malformed");
    assertThat(Json.read(tree, DeadJob.class)).isEqualTo(SAMPLE);
  }

  @Test
  void longErrorIsCutToWhatTheSchemaAllows() {
    String shortened = DeadJob.shorten("x".repeat(5000));

    assertThat(shortened).hasSize(DeadJob.MAX_ERROR).endsWith("...");
  }

  private static JsonNode schemaTree() throws IOException {
    try (InputStream in =
        DeadJobSchemaTest.class.getResourceAsStream("/json-schema/dead-job.schema.json")) {
      return Json.mapper().readTree(in);
    }
  }
}
