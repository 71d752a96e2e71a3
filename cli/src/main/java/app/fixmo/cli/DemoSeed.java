package app.fixmo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Registers demo accounts through the public API, exactly as a client would. */
final class DemoSeed {

  static final String PASSWORD = "fixmo-demo-1";

  private static final List<String> ACCOUNTS =
      List.of(
          account("ana@fixmo.test", "Ana Reyes", "customer", "Manila"),
          account("ben@fixmo.test", "Ben Cruz", "provider", "Manila"),
          account("carla@fixmo.test", "Carla Santos", "provider", "Cebu"));

  private final String api;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoSeed(String api) {
    this.api = api;
  }

  void seed(PrintStream out) {
    for (String body : ACCOUNTS) {
      int status = register(body);
      out.println(
          "demo account "
              + body.replaceAll(".*\"email\":\"([^\"]+)\".*", "$1")
              + " -> "
              + status
              + (status == 409 ? " (already there)" : ""));
    }
    out.println("demo password for all of them: " + PASSWORD);
  }

  private int register(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api + "/api/auth/register"))
            .header("Content-Type", "application/json")
            .header("X-Request-Id", "dev-seed-" + System.nanoTime())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    }
  }

  private static String account(String email, String name, String role, String city) {
    return String.format(
        "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"%s\",\"role\":\"%s\",\"city\":\"%s\"}",
        email, PASSWORD, name, role, city);
  }
}
