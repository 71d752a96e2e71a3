package app.fixmo.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One request to the FixMo API as the load tools send it: always from a stated client address, with
 * a bearer token when signed in. It renders itself for error messages, so a failed call can be
 * reported exactly as it was sent.
 *
 * @param method the HTTP method
 * @param path the path under the API's base URL, starting with {@code /api}
 * @param token the bearer token, or null for an anonymous call
 * @param clientAddress the address claimed in {@code X-Forwarded-For}
 * @param body the JSON body, or null
 */
record ApiCall(String method, String path, String token, String clientAddress, String body) {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** Returns an anonymous GET. */
  static ApiCall get(String path, String clientAddress) {
    return new ApiCall("GET", path, null, clientAddress, null);
  }

  /** Returns this call, signed in with the given bearer token. */
  ApiCall signedIn(String bearer) {
    return new ApiCall(method, path, bearer, clientAddress, body);
  }

  /** Builds the JDK request against the given base URL. */
  HttpRequest toRequest(String baseUrl) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("X-Forwarded-For", clientAddress);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Returns the call as a reader would retype it, the token shortened. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method).append(' ').append(path);
    text.append("\n  X-Forwarded-For: ").append(clientAddress);
    if (token != null) {
      text.append("\n  Authorization: Bearer ").append(token, 0, Math.min(8, token.length()));
      text.append("...");
    }
    if (body != null) {
      text.append("\n  Content-Type: application/json\n\n  ").append(body);
    }
    return text.toString();
  }
}
