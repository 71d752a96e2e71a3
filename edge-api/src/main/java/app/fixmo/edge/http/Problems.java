package app.fixmo.edge.http;

import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become {@code application/problem+json} answers (RFC 9457). Bad
 * input is a 4xx naming the field; anything unexpected is a 500 without internals.
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Registers the exception and error handlers on a Javalin routes configuration. */
  public static void install(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromJavalin(e)));
    routes.exception(Exception.class, Problems::unexpected);
    routes.error(404, "*", ctx -> notFoundUnlessAnswered(ctx));
    routes.error(405, "*", ctx -> methodNotAllowed(ctx));
  }

  /** Writes a problem as the answer. */
  public static void write(Context ctx, Problem problem) {
    ctx.status(problem.status());
    ctx.contentType(CONTENT_TYPE);
    ctx.result(Json.toBytes(problem));
  }

  private static void answer(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    write(ctx, e.problem());
  }

  private static ApiException fromJavalin(HttpResponseException e) {
    int status = e.getStatus();
    if (status == 413) {
      return new ApiException(
          Problem.of(413, "too-large", "Payload too large", "the body is over 64 KiB"));
    }
    String slug = status >= 500 ? "unavailable" : "bad-request";
    return new ApiException(Problem.of(status, slug, "Request failed", e.getMessage()));
  }

  private static void unexpected(Exception e, Context ctx) {
    log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    write(ctx, Problem.of(500, "internal", "Internal error", "the request could not be served"));
  }

  private static void notFoundUnlessAnswered(Context ctx) {
    if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
      write(ctx, Problem.of(404, "not-found", "Not found", "no route " + ctx.path()));
    }
  }

  private static void methodNotAllowed(Context ctx) {
    write(
        ctx,
        Problem.of(
            405, "method-not-allowed", "Method not allowed", ctx.method() + " " + ctx.path()));
  }
}
