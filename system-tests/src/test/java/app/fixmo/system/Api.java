package app.fixmo.system;

import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain HTTP client of the edge, as any outside client would use it. */
final class Api {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Api(String base) {
    this.base = base;
  }

  /** Sends a POST with a JSON body and the given header name/value pairs. */
  Response post(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(request, headers);
  }

  /** Sends a GET with the given header name/value pairs. */
  Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  /** Registers an account and returns the answer. */
  Response register(String email, String password, String role) {
    return post(
        "/api/auth/register",
        ("{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Test User\","
                + "\"role\":\"%s\",\"city\":\"Manila\"}")
            .formatted(email, password, role));
  }

  /**
   * Logs in and returns the answer. Unless the headers name a client address, each call comes from
   * an address of its own (through the trusted loopback proxy), so that tests which are not about
   * the per-address login limit do not run into it.
   */
  Response login(String email, String password, String... headers) {
    String body = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
    if (List.of(headers).contains("X-Forwarded-For")) {
      return post("/api/auth/login", body, headers);
    }
    String address = "192.0.2." + (CLIENTS.incrementAndGet() % 250 + 1);
    String[] withAddress = Arrays.copyOf(headers, headers.length + 2);
    withAddress[headers.length] = "X-Forwarded-For";
    withAddress[headers.length + 1] = address;
    return post("/api/auth/login", body, withAddress);
  }

  /** Sends a PUT with a JSON body and the given header name/value pairs. */
  Response put(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    return send(request, headers);
  }

  /** Sends a DELETE with the given header name/value pairs. */
  Response delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
  }

  private Response send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer of the edge. */
  record Response(HttpResponse<String> raw) {

    int status() {
      return raw.statusCode();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }

    JsonNode json() {
      return Json.tree(raw.body());
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
