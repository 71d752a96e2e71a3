package app.fixmo.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.JsonSerde;
import app.fixmo.schemas.json.SchemaViolation;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static final String REGISTER =
      """
      {"email":" Ana@Example.com ","passwordHash":"$argon2id$x","name":"Ana",
       "role":"customer","city":"Manila"}
      """;

  @Test
  void commandSurvivesARoundTripThroughItsSerde() {
    Command command = Samples.command();
    JsonSerde<Command> serde = JsonSerde.of(Command.class);

    byte[] bytes = serde.serializer().serialize("t", command);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(command);
  }

  @Test
  void registerPayloadNormalisesTheEmail() {
    var register = Json.read(REGISTER, AccountCommands.Register.class);

    assertThat(register.email()).isEqualTo("ana@example.com");
  }

  @Test
  void missingFieldIsNamed() {
    String json = REGISTER.replace("\"name\":\"Ana\",", "");

    assertThatThrownBy(() -> Json.read(json, AccountCommands.Register.class))
        .isInstanceOf(SchemaViolation.class)
        .hasMessage("is required")
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("name");
  }

  @Test
  void wrongTypeIsNamed() {
    String json = REGISTER.replace("\"Ana\"", "42");

    assertThatThrownBy(() -> Json.read(json, AccountCommands.Register.class))
        .isInstanceOf(SchemaViolation.class)
        .hasMessage("must be a string")
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("name");
  }

  @Test
  void unknownEnumValueIsNamed() {
    String json = REGISTER.replace("customer", "admin");

    assertThatThrownBy(() -> Json.read(json, AccountCommands.Register.class))
        .isInstanceOf(SchemaViolation.class)
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("role");
  }

  @Test
  void overLongValueIsNamed() {
    String json = REGISTER.replace("Manila", "M".repeat(101));

    assertThatThrownBy(() -> Json.read(json, AccountCommands.Register.class))
        .isInstanceOf(SchemaViolation.class)
        .hasMessage("must be at most 100 characters")
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("city");
  }

  @Test
  void nestedFieldIsNamedWithItsPath() {
    String json = Json.toText(Samples.outcome()).replace("\"version\":1", "\"version\":\"one\"");

    assertThatThrownBy(() -> Json.read(json, app.fixmo.schemas.envelopes.Outcome.class))
        .isInstanceOf(SchemaViolation.class)
        .hasMessage("must be an integer")
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("views.0.version");
  }

  @Test
  void unreadableJsonIsMalformedNotAFieldError() {
    assertThatThrownBy(() -> Json.read("{\"email\":", AccountCommands.Register.class))
        .isInstanceOf(SchemaViolation.class)
        .matches(e -> ((SchemaViolation) e).isMalformed());
  }

  @Test
  void serdeRefusesAPoisonRecordNamingTopicAndField() {
    byte[] poison = "{\"id\":\"not-a-uuid\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> JsonSerde.of(Command.class).deserializer().deserialize("cmds", poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("record on cmds is not a valid Command at 'id'");
  }
}
