package app.fixmo.edge.http;

import app.fixmo.platform.views.ViewStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags on every successful {@code GET} under {@code /api} (health and metrics aside), and
 * {@code 304 Not Modified} for a request whose {@code If-None-Match} names the current one.
 *
 * <p>A route that serves a cached view sets the view's tag itself ({@link #serve}), which costs
 * nothing; for any other route the tag is the SHA-256 of the body, so it is strong and changes
 * exactly when the bytes do. {@code If-None-Match} is compared weakly, as RFC 9110 asks: a list of
 * tags, {@code W/} ignored, {@code *} matching any.
 *
 * <p>Javalin's own {@code http.generateEtags} is left off: its tag is an unquoted Adler-32 of the
 * body, it compares {@code If-None-Match} as one exact string, and it tags error answers too.
 *
 * <p>A body streamed without being held in memory gets no tag; no route does that today.
 */
public final class Etags {

  public static final String ETAG = "ETag";
  public static final String IF_NONE_MATCH = "If-None-Match";

  private Etags() {}

  /** Registers the after-handler that tags answers and turns matching ones into 304. */
  public static void install(RoutesConfig routes) {
    routes.after("/api/*", Etags::tagOrNotModified);
  }

  /** Answers with a view document's bytes and its tag (304 follows if the client has it). */
  public static void serve(Context ctx, ViewStore.Served served) {
    ctx.header(ETAG, served.etag());
    ctx.contentType("application/json");
    ctx.result(served.json());
  }

  /** Returns the strong tag of a body: its SHA-256, base64url, quoted. */
  public static String strongTag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Tells whether an {@code If-None-Match} value names a tag, by weak comparison. A malformed value
   * matches nothing, so the client simply gets the full answer.
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    String current = opaque(etag);
    int at = 0;
    while (at < ifNoneMatch.length()) {
      char c = ifNoneMatch.charAt(at);
      if (c == ' ' || c == '\t' || c == ',') {
        at++;
        continue;
      }
      int open = ifNoneMatch.startsWith("W/", at) ? at + 2 : at;
      if (open >= ifNoneMatch.length() || ifNoneMatch.charAt(open) != '"') {
        return false;
      }
      int close = ifNoneMatch.indexOf('"', open + 1);
      if (close < 0) {
        return false;
      }
      if (ifNoneMatch.substring(open, close + 1).equals(current)) {
        return true;
      }
      at = close + 1;
    }
    return false;
  }

  private static void tagOrNotModified(Context ctx) {
    if (!ctx.method().equals(HandlerType.GET)
        || ctx.statusCode() != 200
        || ApiPaths.isOperational(ctx.path())) {
      return;
    }
    String etag = ctx.res().getHeader(ETAG);
    if (etag == null) {
      byte[] body = heldBody(ctx);
      if (body == null) {
        return;
      }
      etag = strongTag(body);
      ctx.header(ETAG, etag);
    }
    if (matches(ctx.header(IF_NONE_MATCH), etag)) {
      notModified(ctx);
    }
  }

  // Left alone, Jetty would send "Content-Length: 0" and the route's type with the 304; RFC 9110
  // allows a length there only when it is the full answer's, so the real one is sent instead.
  private static void notModified(Context ctx) {
    int length =
        ctx.resultInputStream() instanceof ByteArrayInputStream held ? held.available() : -1;
    ctx.status(304);
    ctx.result(new byte[0]);
    ctx.res().setContentType(null);
    if (length >= 0) {
      ctx.res().setContentLength(length);
    }
  }

  private static byte[] heldBody(Context ctx) {
    InputStream result = ctx.resultInputStream();
    if (!(result instanceof ByteArrayInputStream held)) {
      return null;
    }
    byte[] body = held.readAllBytes();
    held.reset();
    return body;
  }

  private static String opaque(String etag) {
    return etag.startsWith("W/") ? etag.substring(2) : etag;
  }
}
