package app.fixmo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs the booking load: a warm-up, then the measured phase, both at the same fixed rate.
 *
 * <p>Usage: {@code BookingLoadMain <api base URL> <seed.json> <rate per s> <warm-up s> <seconds>
 * <output directory>}. Writes {@code bookings.properties} (the figures) and {@code
 * bookings-examples.txt} (answers other than 201, whole, a few per phase).
 */
public final class BookingLoadMain {

  // Slots this close to now might be in the past by the time their booking is decided.
  private static final Duration SLOT_MARGIN = Duration.ofHours(1);

  // Addresses for the final reads, apart from those SlotPlan used.
  private static final int CONFIRMED_ADDRESSES = 3500;
  private static final int COUNT_ATTEMPTS = 6;

  private BookingLoadMain() {}

  /** Plans the slots, runs both phases and writes the results. */
  public static void main(String[] args) throws IOException, InterruptedException {
    String api = args[0];
    Seed seed = Seed.read(Path.of(args[1]));
    int rate = Integer.parseInt(args[2]);
    int warmupSeconds = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);

    int warmupCount = rate * warmupSeconds;
    int total = warmupCount + rate * seconds;
    Instant notBefore = Instant.now().plus(SLOT_MARGIN);
    List<BookingTarget> targets = SlotPlan.take(new ApiClient(api), seed, notBefore, total);

    Tally warmup = new Tally();
    Tally measured = new Tally();
    BookingLoad load = new BookingLoad(api, seed);
    long loadFromMs = System.currentTimeMillis();
    BookingLoad.Result result = load.run(targets, rate, warmupCount, warmup, measured);

    long confirmed = confirmedBookings(new ApiClient(api), seed);
    long countedAtMs = System.currentTimeMillis();

    List<String> figures = new ArrayList<>();
    figures.add("rate=" + rate);
    figures.add("seconds=" + seconds);
    figures.add("warmup.seconds=" + warmupSeconds);
    figures.add("unanswered=" + result.unanswered());
    figures.add("measured.from.ms=" + result.measuredFromMs());
    figures.add("measured.to.ms=" + result.measuredToMs());
    figures.add("generator.cpu.ms=" + result.generatorCpuNanos() / 1_000_000);
    figures.add("send.lag.worst.ms=" + load.worstSendLag().toMillis());
    figures.add("sent=" + total);
    figures.add("confirmed=" + confirmed);
    figures.add("confirmed.over.s=" + (countedAtMs - loadFromMs) / 1000.0);
    figures.addAll(phase("warmup", warmup));
    figures.addAll(phase("measured", measured));
    Files.write(out.resolve("bookings.properties"), figures);
    Files.write(out.resolve("bookings-examples.txt"), examples(warmup, measured));
    figures.forEach(System.out::println);
  }

  // What the system decided, whatever the generator saw: the customers' own booking lists,
  // read once the answers are in (a 202'd booking may still be decided after its answer). An
  // overloaded edge may refuse connections for a while after the load; -1 when it never answers.
  private static long confirmedBookings(ApiClient api, Seed seed) {
    long confirmed = 0;
    int address = CONFIRMED_ADDRESSES;
    for (Seed.Customer customer : seed.customers()) {
      ApiCall mine =
          ApiCall.get("/api/me/bookings?status=confirmed", ClientAddresses.SEEDING.of(address++))
              .signedIn(customer.token());
      long total = total(api, mine);
      if (total < 0) {
        return -1;
      }
      confirmed += total;
    }
    return confirmed;
  }

  private static long total(ApiClient api, ApiCall call) {
    for (int attempt = 1; attempt <= COUNT_ATTEMPTS; attempt++) {
      try {
        return api.expect(call, 200).path("total").asLong();
      } catch (RuntimeException e) {
        System.err.println("counting bookings, attempt " + attempt + ": " + e.getMessage());
        LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
      }
    }
    return -1;
  }

  private static List<String> phase(String name, Tally tally) {
    Histogram latency = tally.latencyMicros();
    List<String> lines = new ArrayList<>();
    lines.add(name + ".count=" + latency.getTotalCount());
    lines.add(name + ".p50.ms=" + millis(latency.getValueAtPercentile(50)));
    lines.add(name + ".p90.ms=" + millis(latency.getValueAtPercentile(90)));
    lines.add(name + ".p99.ms=" + millis(latency.getValueAtPercentile(99)));
    lines.add(name + ".p999.ms=" + millis(latency.getValueAtPercentile(99.9)));
    lines.add(name + ".max.ms=" + millis(latency.getMaxValue()));
    lines.add(name + ".mean.ms=" + String.format(Locale.ROOT, "%.2f", latency.getMean() / 1000));
    tally
        .statuses()
        .forEach((status, count) -> lines.add(name + ".status." + status + "=" + count));
    tally.failures().forEach((kind, count) -> lines.add(name + ".failure." + kind + "=" + count));
    lines.add(name + ".readback.checked=" + tally.readsChecked());
    lines.add(name + ".readback.visible=" + tally.readsVisible());
    return lines;
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  private static List<String> examples(Tally warmup, Tally measured) {
    List<String> lines = new ArrayList<>();
    warmup.examples().forEach(example -> lines.add("[warm-up] " + example));
    measured.examples().forEach(example -> lines.add("[measured] " + example));
    return lines;
  }
}
