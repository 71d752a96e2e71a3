package app.fixmo.schemas.topics;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.providers.DirectoryRecords.DirectoryEntry;
import app.fixmo.schemas.providers.DirectoryRecords.ListSize;
import app.fixmo.schemas.providers.ProviderViews.Booking;
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

  /** Commands deciding a provider: catalogue, hours, bookings and reviews. Keyed by provider id. */
  public static final Topic<Command> PROVIDER_COMMANDS =
      new Topic<>(
          "fixmo.providers.commands",
          "provider id",
          Command.class,
          6,
          false,
          Duration.ofDays(7),
          "profile, listing, hours, booking and review commands from the edge");

  /** Facts about providers and their bookings. Keyed by provider id. */
  public static final Topic<Event> PROVIDER_EVENTS =
      new Topic<>(
          "fixmo.providers.events",
          "provider id",
          Event.class,
          6,
          false,
          Duration.ofDays(365),
          "provider, listing, summary, booking and review events");

  /** The directory's cards, re-keyed from providers to the lists they belong to. */
  public static final Topic<DirectoryEntry> DIRECTORY_ENTRIES =
      new Topic<>(
          "fixmo.directory.entries",
          "list key: category|city",
          DirectoryEntry.class,
          6,
          false,
          Duration.ofDays(7),
          "a provider's card for one category list in one city, or its removal");

  /** The size of every directory list, gathered into one place for the category counts. */
  public static final Topic<ListSize> DIRECTORY_SIZES =
      new Topic<>(
          "fixmo.directory.sizes",
          "the constant all",
          ListSize.class,
          1,
          false,
          Duration.ofDays(7),
          "how many providers one category list in one city holds");

  /** Bookings, re-keyed from providers to both parties' accounts. */
  public static final Topic<Booking> BOOKINGS_BY_ACCOUNT =
      new Topic<>(
          "fixmo.bookings.by-account",
          "account id of the customer or the provider",
          Booking.class,
          6,
          false,
          Duration.ofDays(7),
          "each booking after every change, once for each of its parties");

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

  /** Background jobs of the most urgent lane. Keyed by job id. */
  public static final Topic<Job> JOBS_CRITICAL =
      new Topic<>(
          "fixmo.jobs.critical",
          "job id",
          Job.class,
          6,
          false,
          Duration.ofDays(7),
          "jobs of the critical queue, consumed through a share group");

  /** Background jobs that may wait behind every other lane. Keyed by job id. */
  public static final Topic<Job> JOBS_BULK =
      new Topic<>(
          "fixmo.jobs.bulk",
          "job id",
          Job.class,
          6,
          false,
          Duration.ofDays(7),
          "jobs of the bulk queue, consumed through a share group");

  /** Jobs to run later (a runAt, or a retry's back-off), held by the job scheduler until due. */
  public static final Topic<Job> JOBS_SCHEDULED =
      new Topic<>(
          "fixmo.jobs.scheduled",
          "job id",
          Job.class,
          6,
          false,
          Duration.ofDays(7),
          "jobs with a runAt in the future, and retries waiting out their back-off");

  /** Jobs that will not run again, with the reason and the original record. */
  public static final Topic<DeadJob> JOBS_DEAD =
      new Topic<>(
          "fixmo.jobs.dead",
          "job id, or topic/partition/offset of an unreadable record",
          DeadJob.class,
          3,
          false,
          Duration.ofDays(30),
          "dead letters: jobs past their last attempt, malformed records, unknown types");

  /**
   * Records the processors could not read, exactly as they came: Kafka Streams' dead-letter queue,
   * with headers naming the error and the source topic, partition and offset.
   */
  public static final Topic<byte[]> PROCESSORS_DEAD =
      new Topic<>(
          "fixmo.processors.dead",
          "the unreadable record's own key",
          byte[].class,
          3,
          false,
          Duration.ofDays(30),
          "records on the command topics that are no command, as they came, with the error");

  /** Every topic, in the order they are created. */
  public static final List<Topic<?>> ALL =
      List.of(
          ACCOUNT_COMMANDS,
          ACCOUNT_EVENTS,
          PROVIDER_COMMANDS,
          PROVIDER_EVENTS,
          DIRECTORY_ENTRIES,
          DIRECTORY_SIZES,
          BOOKINGS_BY_ACCOUNT,
          REQUEST_OUTCOMES,
          VIEWS,
          JOBS_DEFAULT,
          JOBS_CRITICAL,
          JOBS_BULK,
          JOBS_SCHEDULED,
          JOBS_DEAD,
          PROCESSORS_DEAD);

  private Topics() {}
}
