package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots a booking run will take: read from the seeded providers' pages (their open slots), each
 * slot once, taken round-robin over the providers so that the load spreads over every provider, and
 * so over every partition, from the first second.
 */
final class SlotPlan {

  // Far beyond the addresses seeding used, so that no limiter window is shared with it.
  private static final int FIRST_ADDRESS = 3000;

  private SlotPlan() {}

  /**
   * Returns {@code count} distinct free slots that start after {@code notBefore}; fails when the
   * pages do not hold that many.
   */
  static List<BookingTarget> take(ApiClient api, Seed seed, Instant notBefore, int count) {
    List<List<BookingTarget>> perProvider = new ArrayList<>();
    int address = FIRST_ADDRESS;
    for (Seed.Provider provider : seed.providers()) {
      String path = "/api/providers/" + provider.providerId();
      JsonNode page = api.expect(ApiCall.get(path, ClientAddresses.SEEDING.of(address++)), 200);
      perProvider.add(freeSlots(provider, page, notBefore));
    }
    List<BookingTarget> plan = interleave(perProvider, count);
    if (plan.size() < count) {
      throw new IllegalStateException(
          "the seeded pages show only " + plan.size() + " free slots; the run needs " + count);
    }
    return plan;
  }

  private static List<BookingTarget> freeSlots(
      Seed.Provider provider, JsonNode page, Instant notBefore) {
    List<BookingTarget> slots = new ArrayList<>();
    for (JsonNode slot : page.path("openSlots")) {
      Instant start = Instant.parse(slot.asText());
      if (start.isAfter(notBefore)) {
        slots.add(new BookingTarget(provider.providerId(), provider.listingId(), start));
      }
    }
    return slots;
  }

  private static List<BookingTarget> interleave(List<List<BookingTarget>> lists, int count) {
    List<BookingTarget> plan = new ArrayList<>(count);
    for (int round = 0; plan.size() < count; round++) {
      boolean anyLeft = false;
      for (List<BookingTarget> slots : lists) {
        if (round < slots.size() && plan.size() < count) {
          plan.add(slots.get(round));
          anyLeft = true;
        }
      }
      if (!anyLeft) {
        break;
      }
    }
    return plan;
  }
}
