package app.fixmo.platform.config;

import java.util.List;

/**
 * Every configuration key FixMo reads, declared once. The README's configuration table is printed
 * from this list ({@code fixmo config}) and a test keeps the two in step.
 */
public final class Settings {

  public static final Setting<String> KAFKA_BOOTSTRAP =
      new Setting<>(
          "FIXMO_KAFKA_BOOTSTRAP",
          "127.0.0.1:9092",
          Parsers.bootstrap(),
          "Kafka bootstrap servers; `fixmo dev` starts its own broker when this is unset");

  public static final Setting<String> REDIS_URL =
      new Setting<>(
          "FIXMO_REDIS_URL",
          "redis://127.0.0.1:6379",
          Parsers.redisUrl(),
          "Redis URL; `fixmo dev` starts its own redis-server when this is unset");

  public static final Setting<String> NAMESPACE =
      new Setting<>(
          "FIXMO_NAMESPACE",
          "",
          Parsers.namespace(),
          "prefix for topic names, consumer groups and Redis keys; empty in production");

  public static final Setting<Integer> HTTP_PORT =
      new Setting<>(
          "FIXMO_HTTP_PORT", "8080", Parsers.intBetween(0, 65535), "port of the edge API");

  public static final Setting<Integer> PROCESSORS_ADMIN_PORT =
      new Setting<>(
          "FIXMO_PROCESSORS_ADMIN_PORT",
          "9101",
          Parsers.intBetween(0, 65535),
          "health and metrics port of the stream processors");

  public static final Setting<Integer> WORKERS_ADMIN_PORT =
      new Setting<>(
          "FIXMO_WORKERS_ADMIN_PORT",
          "9102",
          Parsers.intBetween(0, 65535),
          "health and metrics port of the workers");

  public static final Setting<Boolean> DEV_MODE =
      new Setting<>(
          "FIXMO_DEV_MODE",
          "false",
          Parsers.bool(),
          "development mode: session cookies without the Secure flag (plain-HTTP localhost)");

  public static final Setting<Integer> EDGE_WAIT_MS =
      new Setting<>(
          "FIXMO_EDGE_WAIT_MS",
          "3000",
          Parsers.intBetween(0, 60_000),
          "how long a write waits for its outcome before answering 202");

  public static final Setting<Integer> EDGE_MAX_WAIT_MS =
      new Setting<>(
          "FIXMO_EDGE_MAX_WAIT_MS",
          "10000",
          Parsers.intBetween(0, 60_000),
          "the longest wait a client may ask for with `Prefer: wait=N`");

  public static final Setting<Integer> EDGE_MAX_WRITES_IN_FLIGHT =
      new Setting<>(
          "FIXMO_EDGE_MAX_WRITES_IN_FLIGHT",
          "1000",
          Parsers.intBetween(1, 1_000_000),
          "writes one edge holds open while they wait for their outcomes; past it, 503");

  public static final Setting<java.util.List<Cidr>> TRUSTED_PROXIES =
      new Setting<>(
          "FIXMO_TRUSTED_PROXIES",
          "127.0.0.0/8,::1/128",
          Parsers.cidrs(),
          "peers whose X-Forwarded-For names the client (comma-separated CIDRs)");

  public static final Setting<Integer> SESSION_TTL_S =
      new Setting<>(
          "FIXMO_SESSION_TTL_S",
          "86400",
          Parsers.intBetween(60, 30 * 86400),
          "idle lifetime of a session; each use extends it");

  public static final Setting<Integer> LOGIN_ATTEMPTS_PER_MINUTE =
      new Setting<>(
          "FIXMO_LOGIN_ATTEMPTS_PER_MINUTE",
          "5",
          Parsers.intBetween(1, 10_000),
          "login attempts allowed per client address and per e-mail each minute");

  public static final Setting<Integer> API_RATE_PER_S =
      new Setting<>(
          "FIXMO_API_RATE_PER_S",
          "10",
          Parsers.intBetween(1, 1_000_000),
          "API requests each client address may make per second, sustained");

  public static final Setting<Integer> API_BURST =
      new Setting<>(
          "FIXMO_API_BURST",
          "20",
          Parsers.intBetween(1, 1_000_000),
          "API requests a client address may make at once before the sustained rate applies");

  public static final Setting<Integer> CANCEL_CUTOFF_MINUTES =
      new Setting<>(
          "FIXMO_CANCEL_CUTOFF_MINUTES",
          "120",
          Parsers.intBetween(0, 30 * 1440),
          "how long before a booking's start its customer may still cancel it");

  public static final Setting<Integer> ARGON2_MEMORY_KIB =
      new Setting<>(
          "FIXMO_ARGON2_MEMORY_KIB",
          "19456",
          Parsers.intBetween(1024, 1 << 21),
          "memory cost of Argon2id password hashing");

  public static final Setting<Integer> ARGON2_ITERATIONS =
      new Setting<>(
          "FIXMO_ARGON2_ITERATIONS",
          "2",
          Parsers.intBetween(1, 100),
          "time cost (passes) of Argon2id password hashing");

  public static final Setting<Integer> KAFKA_REPLICATION_FACTOR =
      new Setting<>(
          "FIXMO_KAFKA_REPLICATION_FACTOR",
          "1",
          Parsers.intBetween(1, 5),
          "replicas of each topic FixMo creates; 3 on a production cluster");

  public static final Setting<String> STREAMS_STATE_DIR =
      new Setting<>(
          "FIXMO_STREAMS_STATE_DIR",
          System.getProperty("java.io.tmpdir") + "/fixmo-streams",
          Parsers.nonEmpty(),
          "where Kafka Streams keeps its local state stores");

  public static final Setting<Integer> STREAMS_THREADS =
      new Setting<>(
          "FIXMO_STREAMS_THREADS",
          "1",
          Parsers.intBetween(1, 64),
          "stream threads per processor instance");

  public static final Setting<Integer> JOBS_CRITICAL_CONSUMERS =
      new Setting<>(
          "FIXMO_JOBS_CRITICAL_CONSUMERS",
          "3",
          Parsers.intBetween(0, 256),
          "share consumers (threads) each worker runs on the critical job lane; its weight");

  public static final Setting<Integer> JOBS_DEFAULT_CONSUMERS =
      new Setting<>(
          "FIXMO_JOBS_DEFAULT_CONSUMERS",
          "2",
          Parsers.intBetween(0, 256),
          "share consumers (threads) each worker runs on the default job lane; its weight");

  public static final Setting<Integer> JOBS_BULK_CONSUMERS =
      new Setting<>(
          "FIXMO_JOBS_BULK_CONSUMERS",
          "1",
          Parsers.intBetween(0, 256),
          "share consumers (threads) each worker runs on the bulk job lane; its weight");

  public static final Setting<Integer> JOBS_BATCH_RECORDS =
      new Setting<>(
          "FIXMO_JOBS_BATCH_RECORDS",
          "100",
          Parsers.intBetween(1, 10_000),
          "most jobs a share consumer takes from the broker at once");

  public static final Setting<Boolean> JOBS_DIAGNOSTICS =
      new Setting<>(
          "FIXMO_JOBS_DIAGNOSTICS",
          "false",
          Parsers.bool(),
          "accept the job types diagnostics.noop and diagnostics.flaky (always on in dev mode)");

  public static final Setting<Integer> JOBS_STATUS_TTL_S =
      new Setting<>(
          "FIXMO_JOBS_STATUS_TTL_S",
          "604800",
          Parsers.intBetween(60, 90 * 86400),
          "how long a job's status (and its done mark) stays in Redis after its last change");

  public static final Setting<String> INTERNAL_API_KEY =
      new Setting<>(
          "FIXMO_INTERNAL_API_KEY",
          "",
          Settings::apiKey,
          "the X-Api-Key internal callers send to /api/jobs; empty: those routes answer 403");

  public static final Setting<String> SMTP_HOST =
      new Setting<>(
          "FIXMO_SMTP_HOST",
          "127.0.0.1",
          Parsers.nonEmpty(),
          "SMTP server the workers send mail through; `fixmo dev` starts its own");

  public static final Setting<Integer> SMTP_PORT =
      new Setting<>(
          "FIXMO_SMTP_PORT", "25", Parsers.intBetween(1, 65535), "port of the SMTP server");

  public static final Setting<String> SMTP_USER =
      new Setting<>(
          "FIXMO_SMTP_USER", "", Parsers.text(), "SMTP login; empty: send without authenticating");

  public static final Setting<String> SMTP_PASSWORD =
      new Setting<>("FIXMO_SMTP_PASSWORD", "", Parsers.text(), "SMTP password, with the login");

  public static final Setting<Boolean> SMTP_STARTTLS =
      new Setting<>(
          "FIXMO_SMTP_STARTTLS",
          "false",
          Parsers.bool(),
          "require STARTTLS before sending (set it for any server off this host)");

  public static final Setting<String> MAIL_FROM =
      new Setting<>(
          "FIXMO_MAIL_FROM",
          "FixMo <no-reply@fixmo.local>",
          Parsers.nonEmpty(),
          "the From address of every mail FixMo sends");

  public static final Setting<Integer> NEAR_CACHE_ENTRIES =
      new Setting<>(
          "FIXMO_NEAR_CACHE_ENTRIES",
          "10000",
          Parsers.intBetween(0, 10_000_000),
          "view documents the edge keeps in memory per view, in front of Redis");

  public static final Setting<Integer> REQUEST_TTL_S =
      new Setting<>(
          "FIXMO_REQUEST_TTL_S",
          "86400",
          Parsers.intBetween(60, 30 * 86400),
          "how long a request's outcome stays readable at /api/requests/{id}");

  /** Every setting, in the order of the README table. */
  public static final List<Setting<?>> ALL =
      List.of(
          KAFKA_BOOTSTRAP,
          REDIS_URL,
          NAMESPACE,
          HTTP_PORT,
          PROCESSORS_ADMIN_PORT,
          WORKERS_ADMIN_PORT,
          DEV_MODE,
          EDGE_WAIT_MS,
          EDGE_MAX_WAIT_MS,
          EDGE_MAX_WRITES_IN_FLIGHT,
          TRUSTED_PROXIES,
          SESSION_TTL_S,
          LOGIN_ATTEMPTS_PER_MINUTE,
          API_RATE_PER_S,
          API_BURST,
          CANCEL_CUTOFF_MINUTES,
          ARGON2_MEMORY_KIB,
          ARGON2_ITERATIONS,
          KAFKA_REPLICATION_FACTOR,
          STREAMS_STATE_DIR,
          STREAMS_THREADS,
          JOBS_CRITICAL_CONSUMERS,
          JOBS_DEFAULT_CONSUMERS,
          JOBS_BULK_CONSUMERS,
          JOBS_BATCH_RECORDS,
          JOBS_DIAGNOSTICS,
          JOBS_STATUS_TTL_S,
          INTERNAL_API_KEY,
          SMTP_HOST,
          SMTP_PORT,
          SMTP_USER,
          SMTP_PASSWORD,
          SMTP_STARTTLS,
          MAIL_FROM,
          NEAR_CACHE_ENTRIES,
          REQUEST_TTL_S);

  private Settings() {}

  // A short key is guessable; an empty one switches the job routes off.
  private static String apiKey(String text) {
    if (!text.isEmpty() && text.length() < 16) {
      throw new IllegalArgumentException("must be empty or at least 16 characters");
    }
    return text;
  }

  /** Returns the README's configuration table, in Markdown. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder("| variable | default | what it does |\n");
    table.append("| --- | --- | --- |\n");
    for (Setting<?> setting : ALL) {
      String shown = setting == STREAMS_STATE_DIR ? "$TMPDIR/fixmo-streams" : setting.defaultText();
      table
          .append("| `")
          .append(setting.env())
          .append("` | ")
          .append(shown.isEmpty() ? "(empty)" : "`" + shown + "`")
          .append(" | ")
          .append(setting.description())
          .append(" |\n");
    }
    return table.toString();
  }
}
