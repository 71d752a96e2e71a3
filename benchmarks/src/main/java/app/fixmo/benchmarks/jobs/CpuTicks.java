package app.fixmo.benchmarks.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time from {@code /proc}, in clock ticks: of the whole machine (busy, all cores) and of given
 * processes, so a phase can say where the CPU went and how much other work took.
 *
 * @param machine busy ticks of every core together
 * @param processes ticks (user and system) of each process asked for, in order
 */
record CpuTicks(long machine, List<Long> processes) {

  /** Reads the ticks now; a process that is gone counts 0. */
  static CpuTicks now(List<Long> pids) {
    return new CpuTicks(machineTicks(), pids.stream().map(CpuTicks::processTicks).toList());
  }

  /** Returns the ticks spent since an earlier reading. */
  CpuTicks since(CpuTicks earlier) {
    List<Long> spent =
        java.util.stream.IntStream.range(0, processes.size())
            .mapToObj(i -> processes.get(i) - earlier.processes.get(i))
            .toList();
    return new CpuTicks(machine - earlier.machine, spent);
  }

  private static long machineTicks() {
    String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElse("").split("\\s+");
    long busy = 0;
    // user nice system idle iowait irq softirq steal: all but idle and iowait.
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
    }
    return busy;
  }

  private static long processTicks(long pid) {
    String stat = read(Path.of("/proc/" + pid + "/stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
