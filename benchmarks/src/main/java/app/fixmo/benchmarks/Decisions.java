package app.fixmo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookings the processors confirmed, per second, as counted by run.sh from their log: the
 * system's real decision rate, whatever the load generator could or could not see.
 *
 * <p>File format, one second a line, as {@code uniq -c} writes it: {@code count
 * yyyy-MM-ddTHH:mm:ss} (UTC).
 */
final class Decisions {

  private record Second(Instant at, int count) {}

  private final List<Second> seconds;

  private Decisions(List<Second> seconds) {
    this.seconds = seconds;
  }

  /** Reads the counts; a missing file means none. */
  static Decisions read(Path file) {
    List<Second> seconds = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Decisions(seconds);
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split("\\s+");
        if (f.length == 2) {
          seconds.add(new Second(Instant.parse(f[1] + "Z"), Integer.parseInt(f[0])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Decisions(seconds);
  }

  /** Returns how many bookings were confirmed in all. */
  int total() {
    return seconds.stream().mapToInt(Second::count).sum();
  }

  /** Returns the most bookings confirmed in any one second. */
  int peakPerSecond() {
    return seconds.stream().mapToInt(Second::count).max().orElse(0);
  }

  /** Returns how many bookings were confirmed within a window of epoch milliseconds. */
  int within(long fromMs, long toMs) {
    return seconds.stream()
        .filter(s -> s.at().toEpochMilli() >= fromMs && s.at().toEpochMilli() < toMs)
        .mapToInt(Second::count)
        .sum();
  }
}
