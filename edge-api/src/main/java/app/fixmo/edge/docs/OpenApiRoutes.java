package app.fixmo.edge.docs;

import app.fixmo.edge.http.Etags;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of every route, written by hand in
 * {@code openapi.json} beside the code; a test keeps it in step with the routes Javalin serves.
 */
public final class OpenApiRoutes {

  /** Where the document lives on the class path. */
  public static final String RESOURCE = "/openapi.json";

  private final byte[] document;
  private final String etag;

  public OpenApiRoutes() {
    this.document = load();
    this.etag = Etags.strongTag(document);
  }

  /** Registers the route. */
  public void install(RoutesConfig routes) {
    routes.get("/api/openapi.json", this::serve);
  }

  private void serve(Context ctx) {
    ctx.header(Etags.ETAG, etag);
    ctx.contentType("application/json");
    ctx.result(document);
  }

  private static byte[] load() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }
}
