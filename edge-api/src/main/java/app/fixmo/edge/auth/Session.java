package app.fixmo.edge.auth;

import java.time.Instant;

/**
 * A signed-in session.
 *
 * @param token the secret the client presents (cookie or bearer); stored only as a hash
 * @param accountId whose session it is
 * @param csrfToken what a cookie-authenticated write from another origin must send
 * @param createdAt when the login happened
 */
public record Session(String token, String accountId, String csrfToken, Instant createdAt) {}
