package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocking client for the set-up steps of a benchmark (seeding, reading pages): every call must
 * get one of the statuses the caller expects, or the run stops with the exact request and response.
 */
final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_PAUSE = Duration.ofMillis(100);

  private final String baseUrl;
  private final HttpClient http;

  ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Sends a call and returns its JSON body; fails unless the status is one of {@code expected}. */
  JsonNode expect(ApiCall call, Integer... expected) {
    HttpResponse<String> response = send(call);
    if (!Set.of(expected).contains(response.statusCode())) {
      throw new ApiCallFailed(call, response);
    }
    return parse(response.body());
  }

  /**
   * Sends a write and returns what it created. A {@code 202} (no decision within the edge's wait)
   * is followed to its request status until decided; a rejection fails the run like any other
   * unexpected answer.
   */
  JsonNode write(ApiCall call, Integer... expected) {
    HttpResponse<String> response = send(call);
    if (response.statusCode() == 202) {
      String location = response.headers().firstValue("Location").orElseThrow();
      return awaitDecision(call, location);
    }
    if (!Set.of(expected).contains(response.statusCode())) {
      throw new ApiCallFailed(call, response);
    }
    return parse(response.body());
  }

  private JsonNode awaitDecision(ApiCall write, String location) {
    ApiCall poll = new ApiCall("GET", location, write.token(), write.clientAddress(), null);
    long deadline = System.nanoTime() + DECISION_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send(poll);
      JsonNode status = parse(response.body());
      String state = status.path("state").asText();
      if ("succeeded".equals(state)) {
        return status.path("resource");
      }
      if (!"pending".equals(state)) {
        throw new ApiCallFailed(poll, response);
      }
      LockSupport.parkNanos(POLL_PAUSE.toNanos());
    }
    throw new IllegalStateException(
        "no decision within "
            + DECISION_TIMEOUT
            + " for\n"
            + write
            + "\n(polled "
            + location
            + ")");
  }

  private HttpResponse<String> send(ApiCall call) {
    try {
      return http.send(call.toRequest(baseUrl), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + call.method() + " " + call.path(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + call.method() + " " + call.path());
    }
  }

  /** Parses a JSON text; an empty text is an empty object. */
  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** Writes a value as JSON. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call that got a status its caller did not expect; the message holds both sides whole. */
  static final class ApiCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ApiCallFailed(ApiCall call, HttpResponse<String> response) {
      super(
          "unexpected answer\n--- request\n"
              + call
              + "\n--- response\nHTTP "
              + response.statusCode()
              + "\n  "
              + response.headers().map()
              + "\n\n  "
              + response.body());
    }
  }
}
