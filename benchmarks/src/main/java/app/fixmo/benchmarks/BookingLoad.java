package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Books slots at a fixed rate, as an open model: request {@code i} is due at {@code start + i /
 * rate} and is sent then whatever happened to the ones before, and its latency is counted from when
 * it was due, not from when it went out. A slow system therefore shows as latency, instead of
 * quietly lowering the rate (coordinated omission).
 *
 * <p>Every booking is made by one of the seeded customers (bearer token), to its own free slot,
 * from its own client address. One answer in {@link #READ_BACK_EVERY} that is a {@code 201} is
 * followed at once by a read of the new booking, which must already be there.
 */
final class BookingLoad {

  static final int READ_BACK_EVERY = 50;

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final Seed seed;
  private final HttpClient http;
  private final AtomicLong worstSendLagNanos = new AtomicLong();
  private final AtomicInteger readsInFlight = new AtomicInteger();

  BookingLoad(String baseUrl, Seed seed) {
    this.baseUrl = baseUrl;
    this.seed = seed;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * What a run measured besides the tallies.
   *
   * @param unanswered requests without an answer when the drain timeout ran out
   * @param measuredFromMs wall-clock time (epoch ms) the measured phase began
   * @param measuredToMs wall-clock time (epoch ms) its last answer came
   * @param generatorCpuNanos CPU time this JVM used meanwhile
   */
  record Result(long unanswered, long measuredFromMs, long measuredToMs, long generatorCpuNanos) {}

  /**
   * Sends one booking per target at {@code ratePerSecond}, the first {@code warmupCount} into
   * {@code warmup} and the rest into {@code measured}, and waits for the answers.
   */
  Result run(
      List<BookingTarget> targets, int ratePerSecond, int warmupCount, Tally warmup, Tally measured)
      throws InterruptedException {
    CountDownLatch answers = new CountDownLatch(targets.size());
    long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    long measuredFromMs = 0;
    long cpuAtStart = 0;

    for (int i = 0; i < targets.size(); i++) {
      long due = start + i * interval;
      waitUntil(due);
      if (i == warmupCount) {
        measuredFromMs = System.currentTimeMillis();
        cpuAtStart = processCpuNanos();
      }
      Tally tally = i < warmupCount ? warmup : measured;
      send(i, targets.get(i), due, tally, answers);
    }
    answers.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    long measuredToMs = System.currentTimeMillis();
    long cpu = processCpuNanos() - cpuAtStart;
    awaitReadsBack();
    return new Result(answers.getCount(), measuredFromMs, measuredToMs, cpu);
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
  }

  /** Returns how late the generator itself sent a request, at worst. */
  Duration worstSendLag() {
    return Duration.ofNanos(worstSendLagNanos.get());
  }

  private void awaitReadsBack() {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (readsInFlight.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private void waitUntil(long due) {
    long now;
    while ((now = System.nanoTime()) < due) {
      LockSupport.parkNanos(due - now);
    }
    worstSendLagNanos.accumulateAndGet(now - due, Math::max);
  }

  private void send(int i, BookingTarget target, long due, Tally tally, CountDownLatch answers) {
    Seed.Customer customer = seed.customers().get(i % seed.customers().size());
    String address = ClientAddresses.BOOKINGS.of(i);
    ApiCall call = new ApiCall("POST", "/api/bookings", customer.token(), address, body(target, i));
    http.sendAsync(call.toRequest(baseUrl), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              long latency = System.nanoTime() - due;
              if (failure != null) {
                tally.failed(failure, latency);
              } else {
                tally.answered(response.statusCode(), latency);
                inspect(i, call, response, tally);
              }
              answers.countDown();
            });
  }

  private void inspect(int i, ApiCall call, HttpResponse<String> response, Tally tally) {
    if (response.statusCode() != 201) {
      tally.example(call + "\n  -> HTTP " + response.statusCode() + " " + response.body());
    } else if (i % READ_BACK_EVERY == 0) {
      readBack(call, response, tally);
    }
  }

  // The read runs on the client's completion thread: at one in fifty it adds little load, and
  // it must start only after the 201 arrived to prove that a 201 means visible.
  private void readBack(ApiCall booking, HttpResponse<String> created, Tally tally) {
    JsonNode resource = ApiClient.parse(created.body());
    String bookingId = resource.path("bookingId").asText("");
    if (bookingId.isEmpty()) {
      tally.example("201 without a bookingId: " + created.body());
      tally.readBack(false);
      return;
    }
    ApiCall read =
        new ApiCall(
            "GET", "/api/bookings/" + bookingId, booking.token(), booking.clientAddress(), null);
    readsInFlight.incrementAndGet();
    http.sendAsync(read.toRequest(baseUrl), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              boolean visible = failure == null && response.statusCode() == 200;
              tally.readBack(visible);
              if (!visible) {
                tally.example(read + "\n  -> " + (failure != null ? failure : response.body()));
              }
              readsInFlight.decrementAndGet();
            });
  }

  private static String body(BookingTarget target, int i) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("providerId", target.providerId());
    body.put("listingId", target.listingId());
    body.put("start", target.start().toString());
    body.put("address", "Unit " + (i % 900 + 100) + ", 12 Benchmark Street, Manila");
    body.put("notes", "booking " + i + " of the FixMo benchmark");
    return ApiClient.json(body);
  }
}
