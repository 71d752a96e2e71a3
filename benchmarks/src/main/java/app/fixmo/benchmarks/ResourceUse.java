package app.fixmo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What each process of a run used in each phase: the cores it kept busy and its resident memory,
 * from run.sh's samples of {@code /proc}, wrk's CPU time and the booking generator's own count.
 */
final class ResourceUse {

  /** The CPU used on the machine by processes this run did not start. */
  static final String OTHERS = "everything else";

  private final Figures facts;
  private final Figures bookings;
  private final Map<String, long[]> phases;
  private final Samples samples;

  ResourceUse(Path dir, Figures facts, Figures bookings) {
    this.facts = facts;
    this.bookings = bookings;
    this.phases = readPhases(dir.resolve("phases.tsv"));
    this.samples = Samples.read(dir.resolve("samples.tsv"), facts.number("clk.tck"));
  }

  /** Returns the peak resident size (VmHWM) of a process, in MiB. */
  OptionalDouble peakRssMib(String process) {
    return samples.peakRssMib(process);
  }

  void memorySection(List<String> out) {
    out.add("## Memory per process");
    out.add("");
    out.add(
        "VmRSS sampled from `/proc/<pid>/status` every second; the highest sample in each "
            + "phase, then VmRSS and VmHWM (the kernel's own peak) after the load. Services run "
            + "with `"
            + facts.text("service.flags")
            + "`.");
    out.add("");
    List<String> windows = List.of("hello", "page", "bookings");
    out.add(
        "| process | max RSS, hello-world phase | max RSS, page phase | max RSS, bookings "
            + "| RSS after | VmHWM (peak) |");
    out.add("| --- | --- | --- | --- | --- | --- |");
    for (String process : samples.processes()) {
      StringBuilder row = new StringBuilder("| " + process + " | ");
      for (String window : windows) {
        long[] span = window(window);
        row.append(mib(samples.maxRssMib(process, span[0], span[1]))).append(" | ");
      }
      row.append(mib(samples.lastRssMib(process))).append(" | ");
      row.append(mib(samples.peakRssMib(process))).append(" |");
      out.add(row.toString());
    }
    out.add("");
    for (String service : ReportMain.SERVICES) {
      double errors = facts.number("oom." + service, 0);
      if (errors > 0) {
        out.add(
            String.format(
                Locale.ROOT,
                "**%s ran out of heap** during the run: %.0f `OutOfMemoryError` lines in its log.",
                service,
                errors));
        out.add("");
      }
    }
  }

  void cpuSection(List<String> out) {
    out.add("## Where the CPU went");
    out.add("");
    out.add(
        "Cores kept busy on average in each measured phase (1.0 = one core all the time), "
            + "from `/proc/<pid>/stat`; wrk's from the shell's `time`, the booking generator's "
            + "from its own JVM. `kafka` is the JVM holding the embedded broker; `"
            + OTHERS
            + "` is the machine's busy time less all of these (other users of the machine).");
    out.add("");
    out.add("| process | hello-world phase | page phase | bookings phase |");
    out.add("| --- | --- | --- | --- |");
    for (String process : cpuProcesses()) {
      out.add(
          "| "
              + process
              + " | "
              + cores(process, "hello")
              + " | "
              + cores(process, "page")
              + " | "
              + cores(process, "bookings")
              + " |");
    }
    out.add("");
  }

  private List<String> cpuProcesses() {
    List<String> names = new ArrayList<>(samples.processes());
    names.add("wrk");
    names.add("booking generator");
    names.add(OTHERS);
    names.add(Samples.MACHINE);
    return names;
  }

  private String cores(String process, String phase) {
    OptionalDouble cores = coresIn(process, phase);
    return cores.isPresent() ? String.format(Locale.ROOT, "%.2f", cores.getAsDouble()) : "-";
  }

  /** Returns the cores a process kept busy in a phase; empty where it did not run. */
  OptionalDouble coresIn(String process, String phase) {
    if (process.equals(OTHERS)) {
      return othersIn(phase);
    }
    long[] span = window(phase);
    double seconds = (span[1] - span[0]) / 1000.0;
    if (process.equals("wrk")) {
      return phase.equals("bookings")
          ? OptionalDouble.empty()
          : OptionalDouble.of(facts.number("wrk." + phase + ".cpu.s") / seconds);
    }
    if (process.equals("booking generator")) {
      return phase.equals("bookings")
          ? OptionalDouble.of(bookings.number("generator.cpu.ms") / 1000 / seconds)
          : OptionalDouble.empty();
    }
    return samples.cores(process, span[0], span[1]);
  }

  private OptionalDouble othersIn(String phase) {
    OptionalDouble machine = coresIn(Samples.MACHINE, phase);
    if (machine.isEmpty()) {
      return machine;
    }
    double ours = 0;
    for (String process : cpuProcesses()) {
      if (!process.equals(OTHERS) && !process.equals(Samples.MACHINE)) {
        ours += coresIn(process, phase).orElse(0);
      }
    }
    return OptionalDouble.of(Math.max(0, machine.getAsDouble() - ours));
  }

  /** Returns the window of a phase, in epoch milliseconds. */
  long[] window(String phase) {
    if (phase.equals("bookings")) {
      return new long[] {
        (long) bookings.number("measured.from.ms"), (long) bookings.number("measured.to.ms")
      };
    }
    long[] span = phases.get(phase);
    if (span == null) {
      throw new IllegalStateException("phases.tsv has no phase '" + phase + "'");
    }
    return span;
  }

  private static Map<String, long[]> readPhases(Path file) {
    Map<String, long[]> phases = new LinkedHashMap<>();
    for (String line : lines(file)) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 3) {
        phases.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return phases;
  }

  private static String mib(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", value.getAsDouble()) : "-";
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run file " + file, e);
    }
  }
}
