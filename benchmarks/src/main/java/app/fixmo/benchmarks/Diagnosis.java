package app.fixmo.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Explains, from the CPU samples, what held back each goal the run missed: whether the cores were
 * full, which process used them, and how much CPU one request cost in each.
 */
final class Diagnosis {

  private static final double SATURATED_SHARE = 0.9;

  private final ResourceUse resources;
  private final Decisions decisions;
  private final Figures facts;
  private final Figures hello;
  private final Figures page;
  private final Figures bookings;
  private final double share;
  private final int rate;
  private final double cores;

  Diagnosis(
      ResourceUse resources,
      Decisions decisions,
      Figures facts,
      Figures hello,
      Figures page,
      Figures bookings,
      double share) {
    this.resources = resources;
    this.decisions = decisions;
    this.facts = facts;
    this.hello = hello;
    this.page = page;
    this.bookings = bookings;
    this.share = share;
    this.rate = (int) bookings.number("rate");
    this.cores = facts.number("nproc");
  }

  /** Appends a section on the missed goals, or a line saying none was missed. */
  void explain(List<Goal> goals, List<String> out) {
    out.add("## What holds it back");
    out.add("");
    List<String> missed = goals.stream().filter(goal -> !goal.met()).map(Goal::name).toList();
    if (missed.isEmpty()) {
      out.add("Every goal was met in this run.");
      out.add("");
      return;
    }
    if (missed.stream().anyMatch(name -> name.startsWith("provider page"))) {
      out.addAll(pageDiagnosis());
    }
    if (missed.stream().anyMatch(name -> name.startsWith("booking"))) {
      out.addAll(bookingDiagnosis());
    }
    if (missed.stream().anyMatch(name -> name.contains("resident"))) {
      out.add(
          "- **Memory.** A service over 256 MiB: the heap is capped by `"
              + facts.text("service.flags")
              + "`; the rest of the resident size is metaspace, "
              + "compiled code, thread stacks, direct buffers (Netty, Kafka) and, in the "
              + "processors, RocksDB's native memory, which the JVM flags do not bound.");
      out.add("");
    }
  }

  private List<String> pageDiagnosis() {
    List<String> lines = new ArrayList<>();
    double busy = value(resources.coresIn(Samples.MACHINE, "page"));
    double pageRps = page.number("rps");
    double helloRps = hello.number("rps");
    double edgeUs = perRequestMicros("edge", "page", pageRps);
    double helloUs = perRequestMicros("hello", "hello", helloRps);
    lines.add(
        format(
            "- **Provider page.** The page served %.1f %% of hello-world's rate. In the page "
                + "phase %.2f of %.0f cores were busy (%s). One page cost the edge %.0f µs of "
                + "CPU, Redis %.0f µs and wrk %.0f µs; one hello-world cost its server %.0f µs "
                + "and wrk %.0f µs.",
            share,
            busy,
            cores,
            split("page"),
            edgeUs,
            perRequestMicros("redis", "page", pageRps),
            perRequestMicros("wrk", "page", pageRps),
            helloUs,
            perRequestMicros("wrk", "hello", helloRps)));
    lines.add(
        format(
            "  %s With wrk's 64 connections always full, each request waits on average 64 / "
                + "rate = %.1f ms (Little's law), so the p99 cannot fall under that while the "
                + "cores are the limit; the page answers %s bytes against hello-world's 13.",
            busy >= SATURATED_SHARE * cores
                ? format(
                    "The cores were saturated, so the page's rate is the CPU it costs: the edge "
                        + "spends %.1fx hello-world's CPU per request.",
                    edgeUs / helloUs)
                : "The cores were not saturated, so the page waits on something other than "
                    + "CPU (Redis round trips, locks, the near cache).",
            64_000.0 / pageRps,
            facts.text("page.bytes")));
    lines.add("");
    return lines;
  }

  private List<String> bookingDiagnosis() {
    List<String> lines = new ArrayList<>();
    double busy = value(resources.coresIn(Samples.MACHINE, "bookings"));
    long[] window = resources.window("bookings");
    double seconds = (window[1] - window[0]) / 1000.0;
    int decided = decisions.within(window[0], window[1]);
    if (decided == 0) {
      lines.add(
          format(
              "- **Bookings.** %d/s were offered and no confirmed booking could be counted. "
                  + "%.2f of %.0f cores were busy (%s).",
              rate, busy, cores, split("bookings")));
      lines.add("");
      return lines;
    }
    double confirmed = decided / seconds;
    lines.add(
        format(
            "- **Bookings.** %d/s were offered; the processors confirmed %.1f per second in the "
                + "measured phase (at most %d in one second). %.2f of %.0f cores were busy (%s).",
            rate, confirmed, decisions.peakPerSecond(), busy, cores, split("bookings")));
    double cpuMs = 0;
    List<String> parts = new ArrayList<>();
    for (String process : List.of("edge", "processors", "workers", "kafka", "redis")) {
      OptionalDouble used = resources.coresIn(process, "bookings");
      if (used.isPresent()) {
        double ms = used.getAsDouble() * 1000 / confirmed;
        cpuMs += ms;
        parts.add(format("%s %.1f ms", process, ms));
      }
    }
    lines.add(
        format(
            "  CPU per confirmed booking, roughly: %s; %.1f ms in all, so these %.0f cores can "
                + "confirm at most about %.0f bookings per second while nothing else runs.",
            String.join(", ", parts), cpuMs, cores, cores * 1000 / cpuMs));
    lines.add(
        "  Past that rate the backlog only grows: each write waits for its decision, answers "
            + "`202` after `FIXMO_EDGE_WAIT_MS`, open requests pile up in the edge and new "
            + "connections time out. A booking's answer waits for the edge's send to Kafka "
            + "(acks=all), the processors' exactly-once transaction (committed every 20 ms), the "
            + "workers' read_committed poll of the outcome, the projector's Redis writes and the "
            + "pub/sub message that wakes the edge.");
    lines.add("");
    return lines;
  }

  private String split(String phase) {
    List<String> parts = new ArrayList<>();
    for (String process :
        List.of(
            "wrk",
            "booking generator",
            "edge",
            "hello",
            "redis",
            "kafka",
            "processors",
            "workers",
            ResourceUse.OTHERS)) {
      OptionalDouble used = resources.coresIn(process, phase);
      if (used.isPresent() && used.getAsDouble() >= 0.01) {
        parts.add(format("%s %.2f", process, used.getAsDouble()));
      }
    }
    return String.join(", ", parts);
  }

  private double perRequestMicros(String process, String phase, double rps) {
    return value(resources.coresIn(process, phase)) * 1e6 / rps;
  }

  private static double value(OptionalDouble value) {
    return value.orElse(Double.NaN);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
