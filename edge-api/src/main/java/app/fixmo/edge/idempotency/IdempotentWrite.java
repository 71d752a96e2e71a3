package app.fixmo.edge.idempotency;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.envelopes.Problem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A write that carries an {@code Idempotency-Key}: who sent it (the scope the key lives in), the
 * key, and a fingerprint of what it asked for, so a reused key with another request is caught.
 *
 * @param scope the caller: {@code account:<id>} when signed in, {@code address:<ip>} otherwise
 * @param key the client's key, 1 to 255 printable ASCII characters
 * @param fingerprint the SHA-256, in hex, of the method, the path and the raw body
 */
public record IdempotentWrite(String scope, String key, String fingerprint) {

  public static final String HEADER = "Idempotency-Key";

  private static final int MAX_LENGTH = 255;
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");

  /** Reads a write's key; empty without the header, a 400 naming it when it is malformed. */
  public static Optional<IdempotentWrite> of(Context ctx, String scope) {
    String key = ctx.header(HEADER);
    if (key == null) {
      return Optional.empty();
    }
    checkKey(key);
    String fingerprint = fingerprint(ctx.method().name(), ctx.path(), ctx.bodyAsBytes());
    return Optional.of(new IdempotentWrite(scope, key, fingerprint));
  }

  /** Checks a key's form: 1 to 255 printable ASCII characters, not only spaces. */
  static void checkKey(String key) {
    if (key.isBlank() || key.length() > MAX_LENGTH || !PRINTABLE_ASCII.matcher(key).matches()) {
      throw malformed("must be 1 to 255 printable ASCII characters, not blank");
    }
  }

  /** Returns the SHA-256 in hex of a request's method, path and body: what the key stands for. */
  static String fingerprint(String method, String path, byte[] body) {
    MessageDigest digest = sha256();
    digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(body);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns the SHA-256 in hex of the key, so Redis keys stay short and hold nothing raw. */
  String hashedKey() {
    return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Returns the 422 for a key that an earlier, different request of the same caller used. */
  static ApiException usedWithAnotherRequest() {
    return new ApiException(
        Problem.invalidField(
            HEADER, "was used with another request; send a new key for a new request"));
  }

  private static ApiException malformed(String message) {
    Problem plain = Problem.of(400, "malformed", "Malformed request", HEADER + ": " + message);
    Problem named =
        new Problem(
            plain.type(),
            plain.title(),
            plain.status(),
            plain.detail(),
            List.of(new Problem.FieldError(HEADER, message)));
    return new ApiException(named);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
