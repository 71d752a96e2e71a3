package app.fixmo.cli;

import app.fixmo.platform.config.ConfigException;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.workers.projector.ViewReplayer;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.redisson.api.RedissonClient;

/** The {@code fixmo} command: the whole system on one machine, and the operator verbs. */
public final class Fixmo {

  private static final String USAGE =
      """
      usage: fixmo <command>

        dev              run the whole system on this machine (a real Kafka and Redis included)
        config           print the configuration variables as a Markdown table
        topics create    create every catalogue topic on FIXMO_KAFKA_BOOTSTRAP
        replay views     rebuild the Redis view cache from the views topic
        jobs dead [--type T] [--reason R] [--job ID] [--since INSTANT]
                         list the dead jobs on the dead-letter topic
        jobs redrive [--type T] [--reason R] [--job ID] [--since INSTANT] [--dry-run]
                         put the dead jobs that match back on their lanes, one attempt each
      """;

  private Fixmo() {}

  /** Runs one verb; exits 0 on success, 1 on failure, 2 on a usage error. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    try {
      System.exit(run(args, out));
    } catch (ConfigException e) {
      System.err.println("fixmo: " + e.getMessage());
      System.exit(2);
    }
  }

  static int run(String[] args, PrintStream out) {
    if (args.length >= 2 && args[0].equals("jobs")) {
      return jobs(args[1], Arrays.asList(args).subList(2, args.length), out);
    }
    String verb = String.join(" ", Arrays.asList(args));
    switch (verb) {
      case "dev" -> new DevCommand(System.getenv(), out).run();
      case "config" -> out.print(Settings.markdownTable());
      case "topics create" -> createTopics(out);
      case "replay views" -> replayViews(out);
      default -> {
        out.print(USAGE);
        return verb.isEmpty() || verb.equals("help") ? 0 : 2;
      }
    }
    return 0;
  }

  private static int jobs(String verb, List<String> options, PrintStream out) {
    try {
      JobsCommand command = new JobsCommand(FixmoConfig.fromEnvironment(), out);
      switch (verb) {
        case "dead" -> command.listDead(options);
        case "redrive" -> command.redrive(options);
        default -> throw new JobsCommand.UsageException("unknown verb 'jobs " + verb + "'");
      }
      return 0;
    } catch (JobsCommand.UsageException e) {
      out.println("fixmo: " + e.getMessage());
      out.print(USAGE);
      return 2;
    }
  }

  private static void createTopics(PrintStream out) {
    FixmoConfig config = FixmoConfig.fromEnvironment();
    new KafkaClients(config).createTopics(Topics.ALL);
    out.println("topics ready: " + Topics.ALL.size());
  }

  private static void replayViews(PrintStream out) {
    FixmoConfig config = FixmoConfig.fromEnvironment();
    RedissonClient redis = RedisClients.create(config);
    try {
      long documents =
          new ViewReplayer(new KafkaClients(config), new ViewStore(redis, config)).replay();
      out.println("replayed " + documents + " view documents");
    } finally {
      redis.shutdown();
    }
  }
}
