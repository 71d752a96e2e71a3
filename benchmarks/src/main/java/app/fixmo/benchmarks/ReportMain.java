package app.fixmo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes {@code RESULTS.md} from the files of one run of {@code benchmarks/run.sh}: every figure,
 * each goal met or missed and by how much, and for each phase how the CPU was shared out between
 * the load tools, the services, Kafka and Redis, which is where a missed goal is explained.
 *
 * <p>Usage: {@code ReportMain <run directory> <results file>}.
 */
public final class ReportMain {

  // The markers benchmarks/jobs.sh writes its section between.
  private static final String JOBS_BEGIN = "<!-- jobs.sh: begin -->";
  private static final String JOBS_END = "<!-- jobs.sh: end -->";

  /** The services that must each stay under {@link #RSS_LIMIT_MIB} resident. */
  static final List<String> SERVICES = List.of("processors", "workers", "edge");

  static final double RSS_LIMIT_MIB = 256;
  static final double NOISE_CORES = 0.25;
  static final double PAGE_SHARE_GOAL = 60;
  static final double PAGE_P99_GOAL_MS = 10;
  static final double BOOKING_P50_GOAL_MS = 15;
  static final double BOOKING_P99_GOAL_MS = 50;

  private final Path dir;
  private final Figures facts;
  private final Figures hello;
  private final Figures page;
  private final Figures bookings;
  private final ResourceUse resources;
  private final Decisions decisions;
  private final List<String> out = new ArrayList<>();

  private ReportMain(Path dir) throws IOException {
    this.dir = dir;
    this.facts = Figures.read(dir.resolve("facts.properties"), "");
    this.hello = Figures.read(dir.resolve("wrk-hello.txt"), "result.");
    this.page = Figures.read(dir.resolve("wrk-page.txt"), "result.");
    this.bookings = Figures.read(dir.resolve("bookings.properties"), "");
    this.resources = new ResourceUse(dir, facts, bookings);
    this.decisions = Decisions.read(dir.resolve("decided-per-second.txt"));
  }

  /**
   * Reads the run directory and writes the report, keeping the section {@code benchmarks/jobs.sh}
   * wrote into the same file (between its markers), so that either script refreshes only its own.
   */
  public static void main(String[] args) throws IOException {
    ReportMain report = new ReportMain(Path.of(args[0]));
    Path results = Path.of(args[1]);
    List<String> lines = new ArrayList<>(report.render());
    lines.addAll(jobsSection(results));
    Files.write(results, lines);
    System.out.println("wrote " + args[1]);
  }

  private static List<String> jobsSection(Path results) throws IOException {
    if (!Files.exists(results)) {
      return List.of();
    }
    List<String> old = Files.readAllLines(results);
    int begin = old.indexOf(JOBS_BEGIN);
    int end = old.indexOf(JOBS_END);
    if (begin < 0 || end < begin) {
      return List.of();
    }
    List<String> kept = new ArrayList<>(List.of(""));
    kept.addAll(old.subList(begin, end + 1));
    return kept;
  }

  private List<String> render() throws IOException {
    List<Goal> goals = goals();
    header();
    goalTable(goals);
    pageSection();
    bookingSection();
    resources.memorySection(out);
    resources.cpuSection(out);
    holdsBack(goals);
    setupSection();
    return out;
  }

  private void header() {
    out.add("# FixMo benchmark results");
    out.add("");
    out.add("Written by `benchmarks/run.sh`; run it again to refresh. Figures from one run only:");
    out.add("on a 2-core machine they move by tens of percent between runs.");
    out.add("");
    out.add("- Date: " + facts.text("date"));
    out.add("- Commit: " + facts.text("commit"));
    out.add(
        "- Machine: "
            + facts.text("nproc")
            + " cores ("
            + facts.text("cpu")
            + "), "
            + facts.text("memory")
            + " of memory");
    out.add("- JDK: " + facts.text("jdk"));
    out.add("- Command: `" + facts.text("command") + "`");
    out.add(
        "- Each phase: "
            + facts.text("seconds")
            + " s measured after a "
            + facts.text("warmup")
            + " s warm-up; seeded "
            + facts.text("providers")
            + " providers and "
            + facts.text("customers")
            + " customers through the API");
    out.add("- Load average before the run: " + facts.text("loadavg"));
    out.add("");
    noiseWarning();
  }

  // Other work on the same two cores bends every figure; the reader must know.
  private void noiseWarning() {
    List<String> noisy = new ArrayList<>();
    for (String phase : List.of("hello", "page", "bookings")) {
      OptionalDouble others = resources.coresIn(ResourceUse.OTHERS, phase);
      if (others.isPresent() && others.getAsDouble() > NOISE_CORES) {
        noisy.add(format("%.2f cores in the %s phase", others.getAsDouble(), phase));
      }
    }
    if (!noisy.isEmpty()) {
      out.add(
          "> **Not a clean run.** Processes this run did not start used "
              + String.join(", ", noisy)
              + " (see \"Where the CPU went\"). The figures below show this machine under "
              + "that extra load, not FixMo alone; run again on a quiet machine.");
      out.add("");
    }
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  private List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    goals.add(
        Goal.atLeast(
            "provider page requests/s, as a share of hello-world's",
            share(),
            PAGE_SHARE_GOAL,
            " %"));
    goals.add(Goal.atMost("provider page p99", page.number("p99.ms"), PAGE_P99_GOAL_MS, " ms"));
    goals.add(
        Goal.atMost(
            "booking p50 at " + rate() + "/s",
            bookings.number("measured.p50.ms"),
            BOOKING_P50_GOAL_MS,
            " ms"));
    goals.add(
        Goal.atMost(
            "booking p99 at " + rate() + "/s",
            bookings.number("measured.p99.ms"),
            BOOKING_P99_GOAL_MS,
            " ms"));
    for (String service : SERVICES) {
      goals.add(
          Goal.atMost(
              service + " peak resident (VmHWM)",
              resources.peakRssMib(service).orElse(Double.NaN),
              RSS_LIMIT_MIB,
              " MiB"));
    }
    return goals;
  }

  private void goalTable(List<Goal> goals) {
    out.add("## Goals");
    out.add("");
    out.add("| what | goal | measured | verdict |");
    out.add("| --- | --- | --- | --- |");
    goals.forEach(goal -> out.add(goal.row()));
    out.add("");
    long met = goals.stream().filter(Goal::met).count();
    out.add(met + " of " + goals.size() + " goals met.");
    out.add("");
  }

  private void pageSection() {
    out.add("## Provider page against a bare Javalin hello-world");
    out.add("");
    out.add(
        "`"
            + facts.text("wrk")
            + "`, the same Lua script for both (it cycles over the "
            + "seeded provider ids and gives each request its own `X-Forwarded-For`). The page is "
            + "`GET /api/providers/{id}`, "
            + facts.text("page.bytes")
            + " bytes; hello-world "
            + "answers 13 bytes.");
    out.add("");
    out.add("| target | requests/s | p50 | p90 | p99 | max | non-2xx | socket errors |");
    out.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
    out.add(wrkRow("hello-world", hello));
    out.add(wrkRow("provider page", page));
    out.add("");
    out.add(
        String.format(
            Locale.ROOT,
            "Ratio: the page serves %.1f %% of hello-world's " + "requests/s.",
            share()));
    out.add("");
  }

  private String wrkRow(String name, Figures wrk) {
    double errors =
        wrk.number("errors.connect")
            + wrk.number("errors.read")
            + wrk.number("errors.write")
            + wrk.number("errors.timeout");
    return "| "
        + name
        + " | "
        + Goal.number(wrk.number("rps"))
        + " | "
        + ms(wrk.number("p50.ms"))
        + " | "
        + ms(wrk.number("p90.ms"))
        + " | "
        + ms(wrk.number("p99.ms"))
        + " | "
        + ms(wrk.number("max.ms"))
        + " | "
        + (long) wrk.number("non2xx")
        + " | "
        + (long) errors
        + " |";
  }

  private void bookingSection() throws IOException {
    out.add("## Booking writes at a fixed rate");
    out.add("");
    out.add(
        "Open model: `POST /api/bookings` due every "
            + 1000.0 / rate()
            + " ms ("
            + rate()
            + "/s) whatever the answers, latency counted from the time each was due "
            + "(no coordinated omission), HdrHistogram. Each booking by a seeded customer "
            + "(bearer token), to its own free slot, from its own client address. One `201` in "
            + BookingLoad.READ_BACK_EVERY
            + " is followed at once by `GET /api/bookings/{id}`.");
    out.add("");
    out.add(
        "| phase | sent | statuses | no answer | p50 | p90 | p99 | p99.9 | max | "
            + "read back at once |");
    out.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    out.add(bookingRow("warm-up", "warmup"));
    out.add(bookingRow("measured", "measured"));
    out.add("");
    out.add(
        "The generator's worst lateness in sending: "
            + bookings.text("send.lag.worst.ms")
            + " ms; requests still unanswered "
            + "at the end: "
            + bookings.text("unanswered")
            + ".");
    out.add("");
    if (bookings.number("confirmed") < 0) {
      out.add("Bookings confirmed by the end: not counted, the edge did not answer the count.");
    } else {
      out.add(
          format(
              "Bookings confirmed by the end (read back from the customers' own lists): %.0f "
                  + "of %.0f sent, over the %.0f s from the first send to that count, so about "
                  + "%.1f per second.",
              bookings.number("confirmed"),
              bookings.number("sent"),
              bookings.number("confirmed.over.s"),
              bookings.number("confirmed") / bookings.number("confirmed.over.s")));
    }
    long[] measured = resources.window("bookings");
    double seconds = (measured[1] - measured[0]) / 1000.0;
    int inWindow = decisions.within(measured[0], measured[1]);
    out.add(
        format(
            "By the processors' own log: %d bookings confirmed in all, %d of them within the "
                + "measured phase (%.1f per second over its %.0f s), at most %d in any one second.",
            decisions.total(), inWindow, inWindow / seconds, seconds, decisions.peakPerSecond()));
    out.add("");
    List<String> examples = Files.readAllLines(dir.resolve("bookings-examples.txt"));
    if (!examples.isEmpty()) {
      out.add("Answers other than `201` (the first few, whole):");
      out.add("");
      out.add("```");
      out.addAll(examples);
      out.add("```");
      out.add("");
    }
  }

  private String bookingRow(String name, String key) {
    Map<String, String> statuses = bookings.startingWith(key + ".status.");
    Map<String, String> failures = bookings.startingWith(key + ".failure.");
    StringBuilder counted = new StringBuilder();
    statuses.forEach(
        (status, count) -> counted.append(count).append(" × ").append(status).append(", "));
    failures.forEach(
        (kind, count) -> counted.append(count).append(" × ").append(kind).append(", "));
    String statusText = counted.isEmpty() ? "none" : counted.substring(0, counted.length() - 2);
    return "| "
        + name
        + " | "
        + bookings.text(key + ".count")
        + " | "
        + statusText
        + " | "
        + (key.equals("measured") ? bookings.text("unanswered") : "-")
        + " | "
        + ms(bookings.number(key + ".p50.ms"))
        + " | "
        + ms(bookings.number(key + ".p90.ms"))
        + " | "
        + ms(bookings.number(key + ".p99.ms"))
        + " | "
        + ms(bookings.number(key + ".p999.ms"))
        + " | "
        + ms(bookings.number(key + ".max.ms"))
        + " | "
        + bookings.text(key + ".readback.visible")
        + " of "
        + bookings.text(key + ".readback.checked")
        + " |";
  }

  private void holdsBack(List<Goal> goals) {
    new Diagnosis(resources, decisions, facts, hello, page, bookings, share()).explain(goals, out);
  }

  private void setupSection() {
    out.add("## How the system ran");
    out.add("");
    out.add(
        "- A real Kafka broker (KRaft, embedded) and a real `redis-server`, in a JVM of "
            + "their own (`"
            + facts.text("infra.flags")
            + "`).");
    out.add(
        "- `ProcessorsMain`, `WorkersMain` and `EdgeMain` each in a JVM of its own, "
            + "`FIXMO_DEV_MODE=false` and every other setting at its production default: API rate "
            + "limit 10/s with a burst of 20 per client address, 5 logins per minute per address "
            + "and per e-mail, Argon2id at its default cost, `FIXMO_EDGE_WAIT_MS` 3000.");
    out.add(
        "- Everything, wrk and the generator included, shares the same "
            + facts.text("nproc")
            + " cores. Client addresses come from 198.18.0.0/15, the block RFC 2544 reserves for "
            + "benchmarks, and only ever travel in `X-Forwarded-For` (127.0.0.1 is a trusted "
            + "proxy by default).");
    out.add(
        "- The raw files of this run (wrk's output, samples, service logs) were in `" + dir + "`.");
  }

  private double share() {
    return 100 * page.number("rps") / hello.number("rps");
  }

  private int rate() {
    return (int) bookings.number("rate");
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f ms", value);
  }
}
