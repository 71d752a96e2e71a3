package app.fixmo.edge.auth;

import app.fixmo.edge.http.ApiException;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Finds the caller of a request from its bearer token or session cookie, and guards
 * cookie-authenticated writes against cross-site requests: such a write must come from the same
 * origin ({@code Origin} or {@code Referer} naming this host) or carry the CSRF token given at
 * login in {@code X-CSRF-Token}.
 */
public final class Authenticator {

  public static final String COOKIE = "fixmo_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String ATTRIBUTE = "fixmo.caller";

  private final SessionStore sessions;

  public Authenticator(SessionStore sessions) {
    this.sessions = sessions;
  }

  /** Returns the caller, or empty for an anonymous request. */
  public Optional<Caller> find(Context ctx) {
    Caller known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Caller> caller = resolve(ctx);
    caller.ifPresent(found -> ctx.attribute(ATTRIBUTE, found));
    return caller;
  }

  /** Returns the caller of a read; 401 without a live session. */
  public Caller require(Context ctx) {
    return find(ctx).orElseThrow(() -> ApiException.unauthorized("sign in first"));
  }

  /** Returns the caller of a write; 401 without a session, 403 for a cross-site cookie write. */
  public Caller requireForWrite(Context ctx) {
    Caller caller = require(ctx);
    if (caller.viaCookie() && !isSameOrigin(ctx) && !hasCsrfToken(ctx, caller.session())) {
      throw ApiException.forbidden(
          "a cookie-authenticated write must come from this site or carry " + CSRF_HEADER);
    }
    return caller;
  }

  private Optional<Caller> resolve(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return sessions.find(authorization.substring(7).strip()).map(s -> new Caller(s, false));
    }
    String cookie = ctx.cookie(COOKIE);
    return sessions.find(cookie).map(s -> new Caller(s, true));
  }

  private static boolean isSameOrigin(Context ctx) {
    String host = ctx.header("Host");
    String origin = ctx.header("Origin");
    if (origin == null) {
      origin = ctx.header("Referer");
    }
    if (host == null || origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.strip());
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean hasCsrfToken(Context ctx, Session session) {
    String sent = ctx.header(CSRF_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }
}
