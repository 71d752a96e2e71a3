package app.fixmo.edge.exports;

import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Bodies;
import app.fixmo.schemas.envelopes.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Checks the body of {@code POST /api/me/exports}, which has no fields yet. */
final class ExportRequest {

  private ExportRequest() {}

  /**
   * Accepts no body or an empty JSON object: an export has no options yet, and a field sent for one
   * would otherwise be silently ignored. 422 naming the first field sent.
   */
  static void requireNoFields(Context ctx) {
    if (ctx.bodyAsBytes().length == 0) {
      return;
    }
    JsonNode body = Bodies.read(ctx, JsonNode.class);
    if (!body.isObject()) {
      throw new ApiException(Problem.invalidField("body", "must be an object, or left out"));
    }
    var fields = body.fieldNames();
    if (fields.hasNext()) {
      throw new ApiException(Problem.invalidField(fields.next(), "unknown field; send {}"));
    }
  }
}
