package app.fixmo.platform.views;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.api.options.LocalCachedMapOptions.EvictionPolicy;
import org.redisson.api.options.LocalCachedMapOptions.ReconnectionStrategy;
import org.redisson.api.options.LocalCachedMapOptions.SyncStrategy;
import org.redisson.client.codec.StringCodec;

/**
 * The view documents in Redis, one hash per view ({@code fixmo:<ns>:view:<view>}), each field a
 * document id and each value the document as it travelled on the views topic.
 *
 * <p>Every process holds a near cache of each hash in memory. A write through this class
 * invalidates that entry in every other process within milliseconds; after a lost connection the
 * near cache is cleared, so it never serves what it might have missed.
 */
public final class ViewStore {

  /** What {@link #apply} did with a document. */
  public enum Applied {
    WRITTEN,
    STALE
  }

  private final RedissonClient redis;
  private final FixmoConfig config;
  private final int localEntries;
  private final Map<String, RLocalCachedMap<String, String>> maps = new ConcurrentHashMap<>();
  private final Cache<String, Prepared> prepared;

  public ViewStore(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
    this.localEntries = config.get(Settings.NEAR_CACHE_ENTRIES);
    this.prepared = Caffeine.newBuilder().maximumSize(Math.max(localEntries, 1)).build();
  }

  /**
   * A document's body ready to send: its JSON bytes, and a strong entity tag made of the view, the
   * id and the version, so the tag changes exactly when the document does.
   */
  public record Served(byte[] json, long version, String etag) {}

  /**
   * Returns a document's body ready to send, or empty when there is none or it was removed.
   *
   * <p>The hot read path: the body is parsed and serialised once per stored version, then served
   * from memory for as long as the near cache hands back the same stored text.
   */
  public Optional<Served> serve(String view, String id) {
    String raw = map(view).get(id);
    if (raw == null) {
      return Optional.empty();
    }
    String cacheKey = view + "/" + id;
    Prepared known = prepared.getIfPresent(cacheKey);
    if (known != null && known.raw().equals(raw)) {
      return known.served();
    }
    Prepared fresh = Prepared.of(raw);
    prepared.put(cacheKey, fresh);
    return fresh.served();
  }

  /** A stored text and what it serves, so a changed text is noticed at once. */
  private record Prepared(String raw, Optional<Served> served) {

    static Prepared of(String raw) {
      ViewDocument document = Json.read(raw, ViewDocument.class);
      if (document.isRemoval()) {
        return new Prepared(raw, Optional.empty());
      }
      // An entity tag may hold no space and no letter outside ASCII; ids may (list keys name
      // cities), so the key is percent-encoded.
      String key = URLEncoder.encode(document.key(), StandardCharsets.UTF_8);
      String etag = "\"" + key + "@" + document.version() + "\"";
      byte[] json = Json.toBytes(document.body());
      return new Prepared(raw, Optional.of(new Served(json, document.version(), etag)));
    }
  }

  /** Returns a document's stored JSON (the whole {@link ViewDocument}), or empty. */
  public Optional<String> readRaw(String view, String id) {
    return Optional.ofNullable(map(view).get(id));
  }

  /** Returns a document, or empty when there is none or it was removed. */
  public Optional<ViewDocument> read(String view, String id) {
    return readRaw(view, id)
        .map(json -> Json.read(json, ViewDocument.class))
        .filter(doc -> !doc.isRemoval());
  }

  /**
   * Stores a document unless the store already holds the same or a newer version of it.
   *
   * <p>The compare and the write are one atomic step in Redis (a conditional replace), retried when
   * another writer got in between, so concurrent projectors cannot reorder versions.
   */
  public Applied apply(ViewDocument document) {
    RLocalCachedMap<String, String> map = map(document.view());
    String json = Json.toText(document);
    while (true) {
      String current = map.get(document.id());
      if (current == null) {
        if (map.fastPutIfAbsent(document.id(), json)) {
          return Applied.WRITTEN;
        }
        continue;
      }
      if (versionOf(current) >= document.version()) {
        return Applied.STALE;
      }
      if (map.replace(document.id(), current, json)) {
        return Applied.WRITTEN;
      }
    }
  }

  /** Deletes every view of the given names from Redis (operator tools, tests). */
  public void wipe(Iterable<String> views) {
    views.forEach(view -> map(view).delete());
  }

  private static long versionOf(String json) {
    return Json.read(json, ViewDocument.class).version();
  }

  private RLocalCachedMap<String, String> map(String view) {
    return maps.computeIfAbsent(view, this::open);
  }

  private RLocalCachedMap<String, String> open(String view) {
    LocalCachedMapOptions<String, String> options =
        LocalCachedMapOptions.<String, String>name(RedisClients.key(config, "view:" + view))
            .codec(StringCodec.INSTANCE)
            .cacheSize(localEntries)
            .evictionPolicy(EvictionPolicy.LRU)
            .syncStrategy(SyncStrategy.INVALIDATE)
            .reconnectionStrategy(ReconnectionStrategy.CLEAR);
    return redis.getLocalCachedMap(options);
  }
}
