package app.fixmo.edge.http;

import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import io.javalin.http.Context;

/** Reads request bodies strictly into request records; every refusal is a problem answer. */
public final class Bodies {

  /** The largest body the edge reads. */
  public static final int MAX_BYTES = 64 * 1024;

  private Bodies() {}

  /** Reads the JSON body as the given record: 413, 415, 400 or 422 when it cannot. */
  public static <T> T read(Context ctx, Class<T> type) {
    if (ctx.contentLength() > MAX_BYTES) {
      throw tooLarge();
    }
    requireJson(ctx);
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BYTES) {
      throw tooLarge();
    }
    if (body.length == 0) {
      throw ApiException.malformed("a JSON body is required");
    }
    try {
      return Json.read(body, type);
    } catch (SchemaViolation e) {
      throw refusal(e);
    }
  }

  /** Turns a body that breaks the contract into a 400 (not JSON) or a 422 naming the field. */
  private static ApiException refusal(SchemaViolation e) {
    if (e.isMalformed()) {
      return ApiException.malformed("the body is not valid JSON");
    }
    String field = e.field().isEmpty() ? "body" : e.field();
    return new ApiException(Problem.invalidField(field, e.getMessage()));
  }

  private static void requireJson(Context ctx) {
    String type = ctx.contentType();
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          Problem.of(
              415, "unsupported-media-type", "Unsupported media type", "send application/json"));
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        Problem.of(413, "too-large", "Payload too large", "the body is over 64 KiB"));
  }
}
