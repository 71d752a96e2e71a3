package app.fixmo.edge.http;

import java.time.Duration;
import java.util.Locale;

/**
 * What a client asks of a write through the {@code Prefer} header (RFC 7240): {@code respond-async}
 * for an immediate 202, {@code wait=N} to wait up to N seconds.
 *
 * @param respondAsync whether the client wants 202 at once
 * @param requestedWait how long the client is willing to wait, or null for the server's default
 */
public record Prefer(boolean respondAsync, Duration requestedWait) {

  /** Parses the header; unknown preferences are ignored, as the RFC says. */
  public static Prefer parse(String header) {
    if (header == null) {
      return new Prefer(false, null);
    }
    boolean async = false;
    Duration wait = null;
    for (String part : header.split("[,;]")) {
      String token = part.strip().toLowerCase(Locale.ROOT);
      if (token.equals("respond-async")) {
        async = true;
      } else if (token.matches("wait\\s*=\\s*\\d{1,5}")) {
        wait = Duration.ofSeconds(Long.parseLong(token.replaceAll("\\D", "")));
      }
    }
    return new Prefer(async, wait);
  }

  /** Returns how long to wait for an outcome, within the server's bounds. */
  public Duration boundedWait(Duration serverDefault, Duration serverMax) {
    if (respondAsync) {
      return Duration.ZERO;
    }
    if (requestedWait == null) {
      return serverDefault;
    }
    return requestedWait.compareTo(serverMax) > 0 ? serverMax : requestedWait;
  }
}
