package app.fixmo.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps each envelope record and its published JSON Schema in step: the same fields, the same
 * required ones, and the same verdict on good and bad documents.
 */
class EnvelopeSchemaTest {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix("https://fixmo.app/schemas/", "classpath:json-schema/")));

  static Stream<Arguments> envelopes() {
    return Stream.of(
        Arguments.of("command", Command.class, Samples.command()),
        Arguments.of("event", Event.class, Samples.event()),
        Arguments.of("outcome", Outcome.class, Samples.outcome()),
        Arguments.of("view", ViewDocument.class, Samples.view()),
        Arguments.of("job", Job.class, Samples.job()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envelopes")
  void schemaListsExactlyTheRecordsFields(String name, Class<?> type, Object sample) {
    JsonNode schema = schemaTree(name);

    Set<String> schemaFields = names(schema.get("properties").fieldNames());
    Set<String> recordFields = new HashSet<>();
    Arrays.stream(type.getRecordComponents()).forEach(c -> recordFields.add(c.getName()));

    assertThat(schemaFields).isEqualTo(recordFields);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envelopes")
  void schemaRequiresExactlyWhatTheRecordRequires(String name, Class<?> type, Object sample) {
    JsonNode schema = schemaTree(name);
    Set<String> required = new HashSet<>();
    schema.get("required").forEach(field -> required.add(field.asText()));

    for (var component : type.getRecordComponents()) {
      ObjectNode tree = (ObjectNode) Json.toTree(sample);
      tree.remove(component.getName());

      boolean recordRefuses = refuses(tree, type);

      assertThat(recordRefuses)
          .as("record refuses a document without '%s'", component.getName())
          .isEqualTo(required.contains(component.getName()));
      assertThat(schema(name).validate(tree).isEmpty())
          .as("schema accepts a document without '%s'", component.getName())
          .isEqualTo(!required.contains(component.getName()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envelopes")
  void aGoodDocumentPassesBothAndAnUnknownFieldFailsBoth(
      String name, Class<?> type, Object sample) {
    ObjectNode tree = (ObjectNode) Json.toTree(sample);

    assertThat(schema(name).validate(tree)).isEmpty();
    assertThat(Json.read(tree, type)).isEqualTo(sample);

    tree.put("surprise", 1);

    assertThat(schema(name).validate(tree)).isNotEmpty();
    assertThatThrownBy(() -> Json.read(tree, type))
        .isInstanceOf(SchemaViolation.class)
        .hasMessage("unknown field")
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("surprise");
  }

  private static boolean refuses(JsonNode tree, Class<?> type) {
    try {
      Json.read(tree, type);
      return false;
    } catch (SchemaViolation e) {
      return true;
    }
  }

  private static JsonSchema schema(String name) {
    return FACTORY.getSchema(SchemaLocation.of("classpath:json-schema/" + name + ".schema.json"));
  }

  private static JsonNode schemaTree(String name) {
    try (InputStream in =
        EnvelopeSchemaTest.class.getResourceAsStream("/json-schema/" + name + ".schema.json")) {
      return Json.mapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> names(Iterator<String> names) {
    Set<String> set = new HashSet<>();
    names.forEachRemaining(set::add);
    return set;
  }
}
