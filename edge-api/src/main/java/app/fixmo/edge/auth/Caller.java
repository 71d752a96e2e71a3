package app.fixmo.edge.auth;

/**
 * Who sent a request.
 *
 * @param session the caller's session
 * @param viaCookie whether it was authenticated by the session cookie (and so needs the CSRF check
 *     on writes) rather than a bearer token
 */
public record Caller(Session session, boolean viaCookie) {

  /** Returns the caller's account id. */
  public String accountId() {
    return session.accountId();
  }

  /** Returns the actor name commands carry: {@code account:<id>}. */
  public String actor() {
    return "account:" + session.accountId();
  }
}
