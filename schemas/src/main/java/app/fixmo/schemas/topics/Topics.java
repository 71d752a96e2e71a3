package app.fixmo.schemas.topics;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import java.time.Duration;
import java.util.List;

/**
 * The topic catalogue: every topic FixMo uses. Producers, consumers, the operator tools and the
 * tests all take names and settings from here; nothing else spells a topic name.
 */
public final class Topics {

  /** Commands deciding accounts. Keyed by the normalised e-mail, so one e-mail, one owner. */
  public static final Topic<Command> ACCOUNT_COMMANDS =
      new Topic<>(
          "fixmo.accounts.commands",
          "normalised e-mail address",
          Command.class,
          6,
          false,
          Duration.ofDays(7),
          "account.register commands from the edge");

  /** Facts about accounts. Keyed by account id. */
  public static final Topic<Event> ACCOUNT_EVENTS =
      new Topic<>(
          "fixmo.accounts.events",
          "account id",
          Event.class,
          6,
          false,
          Duration.ofDays(365),
          "account.registered events");

  /** How each request was decided. Keyed by request id; short-lived. */
  public static final Topic<Outcome> REQUEST_OUTCOMES =
      new Topic<>(
          "fixmo.requests.outcomes",
          "request id",
          Outcome.class,
          6,
          false,
          Duration.ofDays(1),
          "the outcome of every command, with the view documents it produced");

  /** Read models, ready to serve. Compacted: the latest document per view and id. */
  public static final Topic<ViewDocument> VIEWS =
      new Topic<>(
          "fixmo.views",
          "view/id, for example account/0190…",
          ViewDocument.class,
          6,
          true,
          Duration.ofDays(1),
          "view documents, the source the Redis cache is rebuilt from");

  /** Background jobs of the default lane. Keyed by job id. */
  public static final Topic<Job> JOBS_DEFAULT =
      new Topic<>(
          "fixmo.jobs.default",
          "job id",
          Job.class,
          6,
          false,
          Duration.ofDays(7),
          "jobs of the default queue, consumed through a share group");

  /** Every topic, in the order they are created. */
  public static final List<Topic<?>> ALL =
      List.of(ACCOUNT_COMMANDS, ACCOUNT_EVENTS, REQUEST_OUTCOMES, VIEWS, JOBS_DEFAULT);

  private Topics() {}
}
