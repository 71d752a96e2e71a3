package app.fixmo.edge.http;

import app.fixmo.platform.logging.LogFields;
import app.fixmo.schemas.envelopes.Ids;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane (1 to 64 of letters,
 * digits, '.', '_' and '-'), else a new time-ordered UUID. The id is echoed in the response, put in
 * the logging context, and travels in the headers of every Kafka record the request causes.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = "fixmo.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** Assigns the request id (a before-handler). */
  public static void assign(Context ctx) {
    String offered = ctx.header(HEADER);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : Ids.newText();
    use(ctx, id);
  }

  /** Replaces the request id, when the one offered was already used by an earlier write. */
  public static void use(Context ctx, String id) {
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(LogFields.REQUEST_ID, id);
  }

  /** Returns the request's id. */
  public static String of(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /** Clears the logging context (an after-handler). */
  public static void clear(Context ctx) {
    MDC.remove(LogFields.REQUEST_ID);
  }
}
