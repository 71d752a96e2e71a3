package app.fixmo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.schemas.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code fixmo dev} as a newcomer runs it: a process of its own, stopped with SIGTERM. */
class DevCommandIT {

  private static final Pattern API_LINE = Pattern.compile("\\s*API:\\s+(http://\\S+)/api.*");

  @Test
  void devRunsTheWholeSystemAndSigtermStopsAllOfItWithExitZero() throws Exception {
    Process dev = start();
    try {
      Queue<String> output = new ConcurrentLinkedQueue<>();
      String api = awaitApiAddress(dev, output);
      List<ProcessHandle> children = dev.descendants().toList();

      HttpResponse<String> health = get(api + "/api/health");
      HttpResponse<String> login =
          post(
              api + "/api/auth/login",
              "{\"email\":\"ana@fixmo.test\",\"password\":\"fixmo-demo-1\"}");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(login.statusCode()).as("a seeded demo account signs in").isEqualTo(200);
      assertThat(children).as("the redis-server child").isNotEmpty();
      assertThat(output).as("the seeding summary").contains("demo failures: 0");
      assertDemoMarketplaceIsVisible(api);
      assertThat(output).anyMatch(line -> line.contains("curl " + api + "/dev/mail"));
      assertWelcomeMailsOfTheDemoAccountsAreShown(api);

      dev.destroy();

      assertThat(dev.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      assertThat(dev.exitValue()).isZero();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
    } finally {
      dev.destroyForcibly();
    }
  }

  private static Process start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Fixmo.class.getName());
    command.add("dev");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("FIXMO_HTTP_PORT", "0");
    builder.environment().remove("FIXMO_KAFKA_BOOTSTRAP");
    builder.environment().remove("FIXMO_REDIS_URL");
    return builder.start();
  }

  /** Every category has providers in three cities, and a list puts the best rated first. */
  private static void assertDemoMarketplaceIsVisible(String api) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode categories = Json.tree(get(api + "/api/categories").body());
              JsonNode plumbers =
                  Json.tree(get(api + "/api/providers?category=plumbing&city=Manila").body());

              assertThat(categories.path("items")).hasSize(9);
              assertThat(categories.path("items"))
                  .allSatisfy(count -> assertThat(count.path("cities")).hasSizeGreaterThan(2));
              assertThat(ratings(plumbers))
                  .hasSizeGreaterThan(2)
                  .isSortedAccordingTo(Comparator.reverseOrder());
              assertThat(ratings(plumbers)).anySatisfy(rating -> assertThat(rating).isPositive());
            });
  }

  /** The edge shows the mail the workers sent to the dev SMTP server, newest first. */
  private static void assertWelcomeMailsOfTheDemoAccountsAreShown(String api) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> answer = get(api + "/dev/mail");
              JsonNode mails = Json.tree(answer.body()).path("items");

              assertThat(answer.statusCode()).isEqualTo(200);
              for (String demo : List.of("ana", "ben", "carla")) {
                assertThat(mails)
                    .as("the welcome mail to %s@fixmo.test", demo)
                    .filteredOn(
                        mail -> mail.path("to").get(0).asText().equals(demo + "@fixmo.test"))
                    .filteredOn(
                        mail -> mail.path("subject").asText().startsWith("Welcome to FixMo"))
                    .singleElement()
                    .satisfies(
                        mail -> assertThat(mail.path("messageId").asText()).endsWith("@fixmo>"));
              }
              assertThat(receivedTimes(mails)).isSortedAccordingTo(Comparator.reverseOrder());
            });
  }

  private static List<Instant> receivedTimes(JsonNode mails) {
    List<Instant> times = new ArrayList<>();
    mails.forEach(mail -> times.add(Instant.parse(mail.path("receivedAt").asText())));
    return times;
  }

  private static List<Double> ratings(JsonNode list) {
    List<Double> ratings = new ArrayList<>();
    list.path("items").forEach(card -> ratings.add(card.path("rating").path("average").asDouble()));
    return ratings;
  }

  private static String awaitApiAddress(Process dev, Queue<String> output) throws Exception {
    var reader =
        new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  output.add(line);
                  Matcher matcher = API_LINE.matcher(line);
                  if (matcher.matches()) {
                    address.complete(matcher.group(1));
                  }
                }
                address.completeExceptionally(new IllegalStateException("dev ended early"));
              } catch (java.io.IOException e) {
                address.completeExceptionally(e);
              }
            });
    return address.get(180, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
