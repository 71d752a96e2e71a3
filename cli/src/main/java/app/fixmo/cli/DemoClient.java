package app.fixmo.cli;

import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo seed's HTTP client: it speaks to the edge exactly as an outside client would, with a
 * bearer token, and follows a {@code 202} to its final answer.
 *
 * <p>Every request names its own client address in {@code X-Forwarded-For} (the dev edge trusts it
 * from loopback), so the per-address API and login limits, which are there for real clients, do not
 * throttle the seeding of dozens of accounts from one process. A {@code 429} is still waited out
 * and retried, as is a {@code 503}, which the edge sends only when the write was not accepted.
 */
final class DemoClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_EVERY = Duration.ofMillis(200);
  private static final int POLLS = 50;
  private static final int TRIES = 4;

  private final String api;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger requests = new AtomicInteger();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  DemoClient(String api) {
    this.api = api;
  }

  /** One request: method, path, JSON body or null, bearer token or null, idempotency key. */
  record Call(String method, String path, Object body, String token, String idempotencyKey) {

    static Call get(String path, String token) {
      return new Call("GET", path, null, token, null);
    }

    static Call write(String method, String path, Object body, String token) {
      return new Call(method, path, body, token, null);
    }

    /** Returns this call made safe to retry under a key unique to this seeding run. */
    Call once(String key) {
      return new Call(method, path, body, token, key);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A final answer: the status and the body as a tree (missing when there is none). */
  record Reply(int status, JsonNode body, String text) {}

  /** Sends a call and returns its final answer; a {@code 202} is followed until decided. */
  Reply send(Call call) throws IOException {
    String key = call.idempotencyKey() == null ? null : run + "-" + call.idempotencyKey();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = exchange(call, key);
      int status = response.statusCode();
      boolean retriable = status == 429 || status == 503;
      if (retriable && attempt < TRIES) {
        pause(retryAfter(response));
      } else if (status == 202 && response.headers().firstValue("Location").isPresent()) {
        return follow(response.headers().firstValue("Location").get(), call.token());
      } else {
        return reply(status, response.body());
      }
    }
  }

  private Reply follow(String location, String token) throws IOException {
    for (int poll = 0; poll < POLLS; poll++) {
      pause(POLL_EVERY);
      Reply status = reply(exchange(Call.get(location, token), null));
      String state = status.body().path("state").asText();
      if (status.status() != 200 || !state.equals("pending")) {
        return decided(status);
      }
    }
    return new Reply(504, MissingNode.getInstance(), "still pending at " + location);
  }

  /** Turns a request status into the answer the write would have had. */
  private static Reply decided(Reply status) {
    if (status.status() != 200) {
      return status;
    }
    JsonNode body = status.body();
    boolean succeeded = body.path("state").asText().equals("succeeded");
    JsonNode content = succeeded ? body.path("resource") : body.path("problem");
    return new Reply(body.path("status").asInt(500), content, content.toString());
  }

  private HttpResponse<String> exchange(Call call, String idempotencyKey) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + call.path()))
            .timeout(TIMEOUT)
            .header("X-Forwarded-For", nextAddress())
            .header("Accept", "application/json");
    if (call.token() != null) {
      request.header("Authorization", "Bearer " + call.token());
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (call.body() == null) {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(call.method(), HttpRequest.BodyPublishers.ofString(Json.toText(call.body())));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while seeding", e);
    }
  }

  /** Returns an address of the 10.77.0.0/16 block, a different one for each request. */
  private String nextAddress() {
    int n = requests.getAndIncrement() % (250 * 250);
    return "10.77." + (n / 250) + "." + (n % 250 + 1);
  }

  private static Reply reply(HttpResponse<String> response) {
    return reply(response.statusCode(), response.body());
  }

  private static Reply reply(int status, String text) {
    JsonNode body = MissingNode.getInstance();
    if (text != null && !text.isBlank()) {
      try {
        body = Json.mapper().readTree(text);
      } catch (IOException e) {
        body = MissingNode.getInstance();
      }
    }
    return new Reply(status, body, text == null ? "" : text);
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    long seconds =
        response
            .headers()
            .firstValue("Retry-After")
            .filter(value -> value.matches("\\d{1,3}"))
            .map(Long::parseLong)
            .orElse(1L);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private static void pause(Duration duration) throws IOException {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while seeding", e);
    }
  }
}
