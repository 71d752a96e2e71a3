package app.fixmo.processors;

import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.json.EmailAddress;
import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds the account commands the tests send, as the edge would. */
public final class Registrations {

  /** When the edge accepted every command the tests build. */
  public static final Instant ACCEPTED = Instant.parse("2026-12-04T09:00:00Z");

  /** The trace context every command carries. */
  public static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** The password hash every registration carries. */
  public static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

  private Registrations() {}

  /** Returns a registration of the address, keyed by its normalised form. */
  public static Command register(String email) {
    return command(AccountCommands.REGISTER, EmailAddress.normalise(email), payload(email));
  }

  /** Returns a well-formed registration payload for the address. */
  public static ObjectNode payload(String email) {
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("email", email);
    payload.put("passwordHash", HASH);
    payload.put("name", "Ann Reyes");
    payload.put("role", "customer");
    payload.put("city", "Manila");
    return payload;
  }

  /** Returns a command of any type, key and payload, with a fresh id and request id. */
  public static Command command(String type, String key, JsonNode payload) {
    return new Command(
        Ids.newId(),
        type,
        key,
        "anonymous",
        ACCEPTED,
        Command.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        TRACEPARENT,
        payload);
  }
}
