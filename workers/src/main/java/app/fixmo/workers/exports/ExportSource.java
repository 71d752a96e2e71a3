package app.fixmo.workers.exports;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.AccountBookings;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.BookingEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RMapAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Reads what an export needs from the view cache in three round trips, however many bookings: the
 * provider's booking index and page together, then every booking document, then every customer's
 * account. Each of the last two is one {@code HMGET} per {@value #CHUNK} ids, sent in one pipeline.
 *
 * <p>It reads the view hashes straight ({@code fixmo:<ns>:view:<view>}, the layout {@link
 * app.fixmo.platform.views.ViewStore} documents) rather than through a near cache: an export reads
 * each document once, and holding thousands of them in memory afterwards would only cost heap.
 */
final class ExportSource {

  // Big enough that a provider's whole history is a few commands, small enough that no one
  // reply holds Redis up for long.
  private static final int CHUNK = 500;

  private final RedissonClient redis;
  private final FixmoConfig config;

  ExportSource(RedissonClient redis, FixmoConfig config) {
    this.redis = redis;
    this.config = config;
  }

  /**
   * Returns a provider's bookings, with its zone and its customers' names.
   *
   * @throws IllegalStateException when the index names a booking whose document is not in the
   *     cache: a passing state (the cache being rebuilt), so the attempt fails and is retried
   */
  ProviderBookings read(String providerId) {
    RBatch first = redis.createBatch();
    RFuture<String> index = hash(first, ProviderViews.ACCOUNT_BOOKINGS).getAsync(providerId);
    RFuture<String> page = hash(first, ProviderViews.PROVIDER_PAGE).getAsync(providerId);
    first.execute();

    List<String> bookingIds = bookingIds(body(result(index)));
    Map<String, JsonNode> documents = bodies(ProviderViews.BOOKING, bookingIds);
    List<Booking> bookings = bookings(providerId, bookingIds, documents);
    Set<String> customerIds = new LinkedHashSet<>();
    bookings.forEach(booking -> customerIds.add(booking.customerId()));
    Map<String, String> names = names(bodies(AccountViews.ACCOUNT, customerIds));
    return new ProviderBookings(bookings, zone(body(result(page))), names);
  }

  private static List<String> bookingIds(Optional<JsonNode> index) {
    return index
        .map(body -> Json.read(body, AccountBookings.class).items())
        .orElse(List.of())
        .stream()
        .map(BookingEntry::bookingId)
        .distinct()
        .toList();
  }

  private static List<Booking> bookings(
      String providerId, List<String> bookingIds, Map<String, JsonNode> documents) {
    List<Booking> bookings = new ArrayList<>();
    for (String bookingId : bookingIds) {
      JsonNode document = documents.get(bookingId);
      if (document == null) {
        throw new IllegalStateException(
            "booking " + bookingId + " is in the index but not in the cache yet");
      }
      Booking booking = Json.read(document, Booking.class);
      // The index of a provider holds only its own bookings; this keeps it so if that changes.
      if (booking.providerId().equals(providerId)) {
        bookings.add(booking);
      }
    }
    return bookings;
  }

  private static Map<String, String> names(Map<String, JsonNode> accounts) {
    Map<String, String> names = new HashMap<>();
    accounts.forEach(
        (id, body) -> names.put(id, Json.read(body, AccountViews.Account.class).name()));
    return names;
  }

  private static Optional<ZoneId> zone(Optional<JsonNode> page) {
    return page.map(body -> body.get("timeZone"))
        .filter(JsonNode::isTextual)
        .map(zone -> ZoneId.of(zone.asText()));
  }

  /** Returns the bodies of the documents of one view that exist, by id, in one pipeline. */
  private Map<String, JsonNode> bodies(String view, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    RBatch batch = redis.createBatch();
    List<RFuture<Map<String, String>>> replies = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      Set<String> chunk =
          new LinkedHashSet<>(all.subList(from, Math.min(all.size(), from + CHUNK)));
      replies.add(hash(batch, view).getAllAsync(chunk));
    }
    batch.execute();

    Map<String, JsonNode> bodies = new HashMap<>();
    for (RFuture<Map<String, String>> reply : replies) {
      result(reply).forEach((id, raw) -> body(raw).ifPresent(body -> bodies.put(id, body)));
    }
    return bodies;
  }

  private RMapAsync<String, String> hash(RBatch batch, String view) {
    return batch.getMap(RedisClients.key(config, "view:" + view), StringCodec.INSTANCE);
  }

  /** Returns the answer to a command of a batch that was executed. */
  private static <T> T result(RFuture<T> reply) {
    return reply.toCompletableFuture().join();
  }

  /** Returns a stored document's body; empty for none or a removal. */
  private static Optional<JsonNode> body(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    ViewDocument document = Json.read(raw, ViewDocument.class);
    return document.isRemoval() ? Optional.empty() : Optional.of(document.body());
  }
}
