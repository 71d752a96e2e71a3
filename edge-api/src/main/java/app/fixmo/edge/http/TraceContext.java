package app.fixmo.edge.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The W3C trace context of a request: the client's {@code traceparent} when it is well formed, else
 * a new trace. It travels in the headers of every Kafka record the request causes.
 */
public final class TraceContext {

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private TraceContext() {}

  /** Returns the request's traceparent, starting a new trace when it brought none. */
  public static String of(Context ctx) {
    String offered = ctx.header("traceparent");
    if (offered != null && TRACEPARENT.matcher(offered).matches()) {
      return offered;
    }
    return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
