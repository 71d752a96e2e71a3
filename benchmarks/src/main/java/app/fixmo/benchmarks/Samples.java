package app.fixmo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The once-a-second samples run.sh takes of every process it started, from {@code /proc}: CPU clock
 * ticks used so far, VmRSS and VmHWM. The machine as a whole is the process {@value #MACHINE},
 * whose ticks count busy time over all cores.
 *
 * <p>File format, one sample a line: {@code epochMillis name ticks rssKiB hwmKiB}.
 */
final class Samples {

  static final String MACHINE = "machine";

  private final Map<String, List<Sample>> byProcess;
  private final double ticksPerSecond;

  private Samples(Map<String, List<Sample>> byProcess, double ticksPerSecond) {
    this.byProcess = byProcess;
    this.ticksPerSecond = ticksPerSecond;
  }

  private record Sample(long atMs, long ticks, long rssKib, long hwmKib) {}

  /** Reads the samples file. */
  static Samples read(Path file, double ticksPerSecond) {
    Map<String, List<Sample>> byProcess = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split("\\s+");
        if (f.length == 5) {
          Sample sample =
              new Sample(
                  Long.parseLong(f[0]),
                  Long.parseLong(f[2]),
                  Long.parseLong(f[3]),
                  Long.parseLong(f[4]));
          byProcess.computeIfAbsent(f[1], name -> new ArrayList<>()).add(sample);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the samples " + file, e);
    }
    return new Samples(byProcess, ticksPerSecond);
  }

  /** Returns the names of the sampled processes, machine excluded, in order of first sample. */
  List<String> processes() {
    return byProcess.keySet().stream().filter(name -> !name.equals(MACHINE)).toList();
  }

  /**
   * Returns the cores a process kept busy on average within a window, from the samples just around
   * it; empty when the process was not sampled on both sides.
   */
  OptionalDouble cores(String process, long fromMs, long toMs) {
    List<Sample> samples = byProcess.getOrDefault(process, List.of());
    if (samples.size() < 2) {
      return OptionalDouble.empty();
    }
    Sample first = samples.getFirst();
    Sample last = samples.getLast();
    for (Sample sample : samples) {
      if (sample.atMs() <= fromMs) {
        first = sample;
      }
    }
    for (Sample sample : samples.reversed()) {
      if (sample.atMs() >= toMs) {
        last = sample;
      }
    }
    if (last.atMs() <= first.atMs()) {
      return OptionalDouble.empty();
    }
    double seconds = (last.atMs() - first.atMs()) / 1000.0;
    return OptionalDouble.of((last.ticks() - first.ticks()) / ticksPerSecond / seconds);
  }

  /** Returns the highest VmRSS of a process within a window, in MiB; empty if not sampled. */
  OptionalDouble maxRssMib(String process, long fromMs, long toMs) {
    return byProcess.getOrDefault(process, List.of()).stream()
        .filter(sample -> sample.atMs() >= fromMs && sample.atMs() <= toMs)
        .mapToDouble(sample -> sample.rssKib() / 1024.0)
        .max();
  }

  /** Returns the VmRSS of a process at its latest sample, in MiB. */
  OptionalDouble lastRssMib(String process) {
    List<Sample> samples = byProcess.getOrDefault(process, List.of());
    return samples.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(samples.getLast().rssKib() / 1024.0);
  }

  /** Returns the VmHWM (peak resident size) of a process at its latest sample, in MiB. */
  OptionalDouble peakRssMib(String process) {
    List<Sample> samples = byProcess.getOrDefault(process, List.of());
    return samples.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(samples.getLast().hwmKib() / 1024.0);
  }
}
