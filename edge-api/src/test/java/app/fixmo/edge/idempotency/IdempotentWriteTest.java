package app.fixmo.edge.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.fixmo.edge.http.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotentWriteTest {

  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "caf\u00e9", "tab\there", "new\nline"})
  void malformedKeyIs400NamingTheHeader(String key) {
    ApiException refused = catchThrowableOfType(ApiException.class, () -> checked(key));

    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().errors())
        .singleElement()
        .satisfies(error -> assertThat(error.field()).isEqualTo("Idempotency-Key"));
    assertThat(refused.problem().detail()).startsWith("Idempotency-Key: ");
  }

  @Test
  void keyOf255CharactersIsAcceptedAnd256IsNot() {
    assertThatCode(() -> checked("k".repeat(255))).doesNotThrowAnyException();

    ApiException refused = catchThrowableOfType(ApiException.class, () -> checked("k".repeat(256)));

    assertThat(refused.problem().status()).isEqualTo(400);
  }

  @Test
  void uuidsAndPrintablePunctuationAreKeys() {
    assertThatCode(() -> checked("0b8f3a9e-6c1d-4d5e-9a7b-2f4e6c8d0a1b"))
        .doesNotThrowAnyException();
    assertThatCode(() -> checked("order 42/retry#1 ~!@$%^&*()")).doesNotThrowAnyException();
  }

  @Test
  void sameRequestHasTheSameFingerprint() {
    String first = IdempotentWrite.fingerprint("POST", "/api/bookings", BODY);
    String again = IdempotentWrite.fingerprint("POST", "/api/bookings", BODY.clone());

    assertThat(again).isEqualTo(first).hasSize(64);
  }

  @Test
  void methodPathAndBodyEachChangeTheFingerprint() {
    String base = IdempotentWrite.fingerprint("POST", "/api/bookings/b1/start", BODY);

    assertThat(IdempotentWrite.fingerprint("PUT", "/api/bookings/b1/start", BODY))
        .isNotEqualTo(base);
    assertThat(IdempotentWrite.fingerprint("POST", "/api/bookings/b2/start", BODY))
        .isNotEqualTo(base);
    assertThat(IdempotentWrite.fingerprint("POST", "/api/bookings/b1/start", new byte[0]))
        .isNotEqualTo(base);
  }

  @Test
  void aRepeatWithAnotherBodyIs422NamingTheHeader() {
    var first = new FirstRequest("r1", IdempotentWrite.fingerprint("POST", "/api/x", BODY));
    var repeat =
        new IdempotentWrite(
            "address:203.0.113.9", "k", IdempotentWrite.fingerprint("POST", "/api/x", new byte[0]));

    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> first.requireSameAs(repeat));

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().errors().get(0).field()).isEqualTo("Idempotency-Key");
    assertThat(refused.problem().errors().get(0).message()).contains("another request");
  }

  private static void checked(String key) {
    IdempotentWrite.checkKey(key);
  }
}
