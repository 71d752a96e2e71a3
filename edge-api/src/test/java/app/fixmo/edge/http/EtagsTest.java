package app.fixmo.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.views.ViewStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EtagsTest {

  private static final String VIEW_TAG = "\"provider-page/p1@7\"";

  @Nested
  class IfNoneMatch {

    @Test
    void absentHeaderMatchesNothing() {
      assertThat(Etags.matches(null, "\"a\"")).isFalse();
    }

    @Test
    void theSameTagMatches() {
      assertThat(Etags.matches("\"a\"", "\"a\"")).isTrue();
      assertThat(Etags.matches("\"a\"", "\"b\"")).isFalse();
    }

    @Test
    void comparisonIsWeakOnEitherSide() {
      assertThat(Etags.matches("W/\"a\"", "\"a\"")).isTrue();
      assertThat(Etags.matches("\"a\"", "W/\"a\"")).isTrue();
    }

    @Test
    void anyTagOfAListMatches() {
      assertThat(Etags.matches("\"x\", W/\"y\",\"a\"", "\"a\"")).isTrue();
      assertThat(Etags.matches("\"x\" ,  \"y\"", "\"a\"")).isFalse();
    }

    @Test
    void aCommaInsideATagIsPartOfIt() {
      assertThat(Etags.matches("\"a,b\"", "\"a,b\"")).isTrue();
      assertThat(Etags.matches("\"a,b\"", "\"a\"")).isFalse();
    }

    @Test
    void starMatchesAnyCurrentTag() {
      assertThat(Etags.matches(" * ", "\"a\"")).isTrue();
    }

    @Test
    void malformedValuesMatchNothing() {
      assertThat(Etags.matches("a", "\"a\"")).isFalse();
      assertThat(Etags.matches("\"a", "\"a\"")).isFalse();
      assertThat(Etags.matches("W/", "\"a\"")).isFalse();
      assertThat(Etags.matches("", "\"a\"")).isFalse();
    }
  }

  @Nested
  class OnAServer {

    private static Javalin app;
    private static final AtomicInteger counter = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
      app =
          Javalin.create(
              config -> {
                config.startup.showJavalinBanner = false;
                Etags.install(config.routes);
                config.routes.get("/api/thing", ctx -> ctx.result("{\"thing\":1}"));
                config.routes.get("/api/deeper/thing", ctx -> ctx.result("{\"deeper\":1}"));
                config.routes.get("/api/counter", ctx -> ctx.result("" + counter.get()));
                config.routes.get("/api/view", ctx -> Etags.serve(ctx, view()));
                config.routes.get("/api/health", ctx -> ctx.result("up"));
                config.routes.get("/api/gone", ctx -> ctx.status(404).result("gone"));
                config.routes.post("/api/thing", ctx -> ctx.result("posted"));
              });
      app.start(0);
    }

    @AfterAll
    static void stop() {
      app.stop();
    }

    @Test
    void aGetIsTaggedWithTheHashOfItsBody() throws Exception {
      HttpResponse<String> response = get("/api/thing", null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(etag(response))
          .isEqualTo(Etags.strongTag("{\"thing\":1}".getBytes(StandardCharsets.UTF_8)))
          .matches("\"[A-Za-z0-9_-]{43}\"");
    }

    @Test
    void aMatchingIfNoneMatchIs304WithTheTagAndNoBody() throws Exception {
      HttpResponse<String> first = get("/api/deeper/thing", null);

      HttpResponse<String> again = get("/api/deeper/thing", "W/\"other\", " + etag(first));

      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(etag(again)).isEqualTo(etag(first));
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("Content-Type")).isEmpty();
      assertThat(again.headers().firstValue("Content-Length"))
          .hasValue(Integer.toString(first.body().length()));
    }

    @Test
    void aChangedBodyGetsANewTagAndThe200() throws Exception {
      String before = etag(get("/api/counter", null));
      counter.incrementAndGet();

      HttpResponse<String> after = get("/api/counter", before);

      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(etag(after)).isNotEqualTo(before);
    }

    @Test
    void aViewsOwnTagIsKeptAndCompared() throws Exception {
      HttpResponse<String> first = get("/api/view", null);
      HttpResponse<String> again = get("/api/view", VIEW_TAG);

      assertThat(etag(first)).isEqualTo(VIEW_TAG);
      assertThat(first.body()).isEqualTo("{\"page\":1}");
      assertThat(first.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void errorsWritesAndProbesAreNotTagged() throws Exception {
      HttpResponse<String> gone = get("/api/gone", "*");
      HttpResponse<String> probe = get("/api/health", "*");
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(uri("/api/thing"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .header("If-None-Match", "*")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(probe.statusCode()).isEqualTo(200);
      assertThat(posted.statusCode()).isEqualTo(200);
      assertThat(gone.headers().firstValue("ETag")).isEmpty();
      assertThat(probe.headers().firstValue("ETag")).isEmpty();
      assertThat(posted.headers().firstValue("ETag")).isEmpty();
    }

    private HttpResponse<String> get(String path, String ifNoneMatch)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
      if (ifNoneMatch != null) {
        request.header("If-None-Match", ifNoneMatch);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
      return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static String etag(HttpResponse<String> response) {
      return response.headers().firstValue("ETag").orElse(null);
    }

    private static ViewStore.Served view() {
      return new ViewStore.Served("{\"page\":1}".getBytes(StandardCharsets.UTF_8), 7, VIEW_TAG);
    }
  }
}
