package app.fixmo.edge.jobs;

import app.fixmo.edge.http.ApiException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Admits internal callers that send the configured key in {@code X-Api-Key}.
 *
 * <p>Without a configured key every caller gets 403: no key could ever be right. With one, a
 * missing or wrong key gets 401. The comparison is of SHA-256 digests with {@link
 * MessageDigest#isEqual}, so its time tells nothing of the key, not even its length.
 */
final class ApiKeyGuard {

  static final String HEADER = "X-Api-Key";

  private final byte[] expected;

  ApiKeyGuard(String key) {
    this.expected = key.isEmpty() ? null : sha256(key);
  }

  /** Admits the request or throws the 401 or 403 to answer; returns the key's fingerprint. */
  String admit(Context ctx) {
    return admit(ctx.header(HEADER));
  }

  /** Admits the key offered (null: none) or throws; returns the key's fingerprint. */
  String admit(String offered) {
    if (expected == null) {
      throw ApiException.forbidden("the job routes are off: FIXMO_INTERNAL_API_KEY is not set");
    }
    if (offered == null || !MessageDigest.isEqual(sha256(offered), expected)) {
      throw ApiException.unauthorized("send the internal API key in " + HEADER);
    }
    return HexFormat.of().formatHex(expected, 0, 8);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
