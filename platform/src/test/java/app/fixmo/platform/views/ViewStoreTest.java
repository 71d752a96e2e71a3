package app.fixmo.platform.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

@WithKafkaAndRedis
class ViewStoreTest {

  private static final Instant AT = Instant.parse("2026-12-04T09:00:00Z");

  private RedissonClient writerRedis;
  private RedissonClient readerRedis;
  private ViewStore writer;
  private ViewStore reader;

  @BeforeEach
  void openTwoProcesses(RedisInstance redis, TestNamespace namespace) {
    FixmoConfig config =
        FixmoConfig.from(
            Map.of("FIXMO_REDIS_URL", redis.url(), "FIXMO_NAMESPACE", namespace.value()));
    writerRedis = RedisClients.create(config);
    readerRedis = RedisClients.create(config);
    writer = new ViewStore(writerRedis, config);
    reader = new ViewStore(readerRedis, config);
  }

  @AfterEach
  void close() {
    writerRedis.shutdown();
    readerRedis.shutdown();
  }

  @Test
  void olderVersionNeverOverwritesANewerOne() {
    String id = "doc-older";
    writer.apply(document(id, 2, "second"));

    var applied = writer.apply(document(id, 1, "first"));

    assertThat(applied).isEqualTo(ViewStore.Applied.STALE);
    assertThat(reader.read("test", id).orElseThrow().body().get("text").asText())
        .isEqualTo("second");
  }

  @Test
  void sameDocumentTwiceIsWrittenOnce() {
    String id = "doc-twice";

    var first = writer.apply(document(id, 1, "only"));
    var second = writer.apply(document(id, 1, "only"));

    assertThat(first).isEqualTo(ViewStore.Applied.WRITTEN);
    assertThat(second).isEqualTo(ViewStore.Applied.STALE);
  }

  @Test
  void anotherProcessNearCacheSeesANewVersionAtOnce() {
    String id = "doc-near";
    writer.apply(document(id, 1, "old"));
    assertThat(reader.read("test", id)).isPresent();

    writer.apply(document(id, 2, "new"));

    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(reader.read("test", id).orElseThrow().body().get("text").asText())
                    .isEqualTo("new"));
  }

  @Test
  void removalHidesTheDocument() {
    String id = "doc-removed";
    writer.apply(document(id, 1, "here"));

    writer.apply(new ViewDocument("test", id, 2, AT, "req", null));

    assertThat(reader.read("test", id)).isEmpty();
  }

  @Test
  void servedBodyIsTheDocumentBodyWithATagOfItsVersion() {
    String id = "doc-served";
    writer.apply(document(id, 3, "served"));

    ViewStore.Served served = reader.serve("test", id).orElseThrow();

    assertThat(new String(served.json(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"served\"}");
    assertThat(served.etag()).isEqualTo("\"test%2Fdoc-served@3\"");
  }

  @Test
  void servedTagHoldsNoSpaceWhenTheIdHasOne() {
    writer.apply(document("plumbing|quezon city", 1, "list"));

    ViewStore.Served served = reader.serve("test", "plumbing|quezon city").orElseThrow();

    assertThat(served.etag()).isEqualTo("\"test%2Fplumbing%7Cquezon+city@1\"");
  }

  @Test
  void servedBodyFollowsANewVersionFromAnotherProcess() {
    String id = "doc-served-new";
    writer.apply(document(id, 1, "old"));
    assertThat(reader.serve("test", id)).isPresent();

    writer.apply(document(id, 2, "new"));

    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> assertThat(reader.serve("test", id).orElseThrow().version()).isEqualTo(2));
  }

  @Test
  void removedOrMissingDocumentIsNotServed() {
    writer.apply(document("doc-gone", 1, "here"));
    writer.apply(new ViewDocument("test", "doc-gone", 2, AT, "req", null));

    assertThat(reader.serve("test", "doc-gone")).isEmpty();
    assertThat(reader.serve("test", "doc-never")).isEmpty();
  }

  private static ViewDocument document(String id, long version, String text) {
    return new ViewDocument("test", id, version, AT, "req", Json.toTree(Map.of("text", text)));
  }
}
