package app.fixmo.edge.accounts;

import app.fixmo.edge.auth.Authenticator;
import app.fixmo.edge.auth.Caller;
import app.fixmo.edge.auth.PasswordHasher;
import app.fixmo.edge.auth.Session;
import app.fixmo.edge.auth.SessionStore;
import app.fixmo.edge.gateway.Writes;
import app.fixmo.edge.http.ApiException;
import app.fixmo.edge.http.Bodies;
import app.fixmo.edge.http.ClientAddress;
import app.fixmo.edge.limits.FixedWindowLimiter;
import app.fixmo.edge.limits.RateDecision;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registration, login, logout and {@code /api/me}. Registration is a command decided by the
 * accounts processor; login is checked against the credentials view in Redis.
 */
public final class AccountRoutes {

  private static final String WRONG_PAIR = "the e-mail or the password is wrong";

  private final Writes writes;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final Authenticator authenticator;
  private final ViewStore views;
  private final ClientAddress clients;
  private final FixedWindowLimiter loginsPerAddress;
  private final FixedWindowLimiter loginsPerEmail;
  private final boolean secureCookies;

  public AccountRoutes(
      Writes writes,
      PasswordHasher hasher,
      SessionStore sessions,
      Authenticator authenticator,
      ViewStore views,
      ClientAddress clients,
      LoginLimits limits,
      boolean secureCookies) {
    this.writes = writes;
    this.hasher = hasher;
    this.sessions = sessions;
    this.authenticator = authenticator;
    this.views = views;
    this.clients = clients;
    this.loginsPerAddress = limits.perAddress();
    this.loginsPerEmail = limits.perEmail();
    this.secureCookies = secureCookies;
  }

  /** The two login limiters: per client address and per e-mail. */
  public record LoginLimits(FixedWindowLimiter perAddress, FixedWindowLimiter perEmail) {}

  /** Registers the routes. */
  public void install(RoutesConfig routes) {
    routes.post("/api/auth/register", this::register);
    routes.post("/api/auth/login", this::login);
    routes.post("/api/auth/logout", this::logout);
    routes.get("/api/me", this::me);
  }

  private void register(Context ctx) {
    AccountRequests.Register body = Bodies.read(ctx, AccountRequests.Register.class);
    var payload =
        new AccountCommands.Register(
            body.email(), hasher.hash(body.password()), body.name(), body.role(), body.city());
    writes.send(
        ctx, Topics.ACCOUNT_COMMANDS, AccountCommands.REGISTER, body.email(), "anonymous", payload);
  }

  private void login(Context ctx) {
    AccountRequests.Login body = Bodies.read(ctx, AccountRequests.Login.class);
    RateDecision byAddress = loginsPerAddress.hit(clients.of(ctx));
    RateDecision byEmail = loginsPerEmail.hit(body.email());
    byAddress.stricter(byEmail).enforce(ctx);

    AccountViews.Credentials credentials = checkedCredentials(body);
    Session session = sessions.create(credentials.accountId());
    ctx.cookie(sessionCookie(session.token(), (int) sessions.ttl().toSeconds()));

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", session.token());
    answer.put("csrfToken", session.csrfToken());
    answer.put("account", account(credentials.accountId()).orElse(null));
    ctx.json(answer);
  }

  private AccountViews.Credentials checkedCredentials(AccountRequests.Login body) {
    Optional<ViewDocument> stored = views.read(AccountViews.CREDENTIALS, body.email());
    if (stored.isEmpty()) {
      hasher.burnTime(body.password());
      throw ApiException.unauthorized(WRONG_PAIR);
    }
    var credentials = Json.read(stored.get().body(), AccountViews.Credentials.class);
    if (!hasher.matches(body.password(), credentials.passwordHash())) {
      throw ApiException.unauthorized(WRONG_PAIR);
    }
    return credentials;
  }

  private void logout(Context ctx) {
    Caller caller = authenticator.requireForWrite(ctx);
    sessions.end(caller.session().token());
    ctx.cookie(sessionCookie("", 0));
    ctx.status(204);
  }

  private void me(Context ctx) {
    Caller caller = authenticator.require(ctx);
    JsonNode account =
        account(caller.accountId())
            .orElseThrow(() -> ApiException.notFound("the account is not in the cache yet"));
    ctx.json(account);
  }

  private Optional<JsonNode> account(String accountId) {
    return views.read(AccountViews.ACCOUNT, accountId).map(ViewDocument::body);
  }

  private Cookie sessionCookie(String value, int maxAgeSeconds) {
    return new Cookie(
        Authenticator.COOKIE, value, "/", maxAgeSeconds, secureCookies, true, null, SameSite.LAX);
  }
}
