package app.fixmo.system;

import static app.fixmo.system.Marketplace.booked;
import static app.fixmo.system.Marketplace.cancel;
import static app.fixmo.system.Marketplace.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.embedded.EmbeddedMail;
import app.fixmo.embedded.EmbeddedMail.ReceivedMail;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.providers.WeeklyHours.Interval;
import app.fixmo.system.Marketplace.Client;
import app.fixmo.system.Marketplace.Provider;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.mail.MailHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking mails end to end: HTTP, the providers processor, the job scheduler, the workers and a
 * real SMTP server. The reminder runs with its real lead of 24 hours, on a booking that starts a
 * day and a minute or two from now, so the test waits for it about two minutes.
 */
@WithKafkaAndRedis
class MailsIT {

  private static final Duration REMINDER_LEAD = Duration.ofHours(24);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  private static final String ADDRESS = "12 Mabini Street, Barangay 5";
  private static final String INTERNAL_KEY = "mails-it-internal-key";

  private static FixmoSystem system;
  private static Marketplace market;
  private static EmbeddedMail smtp;

  @BeforeAll
  static void startSystem(KafkaBroker broker, RedisInstance redis, TestNamespace namespace)
      throws Exception {
    system =
        FixmoSystem.start(
            broker, redis.url(), namespace, Map.of("FIXMO_INTERNAL_API_KEY", INTERNAL_KEY));
    market = new Marketplace(system.api());
    smtp = system.mail();
  }

  @AfterAll
  static void stopSystem() {
    system.close();
  }

  @Test
  void eachPartyIsMailedOnceOnConfirmationAndCancellationAndRemindedADayBefore() {
    Person remindedProvider = person(market.signUp("provider", "Rosa", "Manila"));
    Person remindedCustomer = person(market.customer("Carlo"));
    Person provider = person(market.signUp("provider", "Pedro", "Manila"));
    Person customer = person(market.customer("Lina"));
    String remindedListing = publish(remindedProvider);
    String listing = publish(provider);
    // The reminder leaves 45 to 105 s from now: enough to set hours and book, not long to wait.
    Instant start = firstMinuteAfter(Instant.now().plus(REMINDER_LEAD).plusSeconds(45));
    Provider reminded = openAt(remindedProvider, remindedListing, start);
    Provider cancelledLater = openAt(provider, listing, start);

    String remindedBooking = booked(remindedCustomer.client(), reminded, start);
    String booking = booked(customer.client(), cancelledLater, start);

    assertConfirmations(customer, provider, booking, start, cancelledLater.zone());
    expect(cancel(customer.client(), booking, "A neighbour fixed it."), 200);
    assertCancellations(customer, provider, booking);
    assertReminders(remindedCustomer, remindedProvider, remindedBooking, start, reminded.zone());

    // The cancelled booking's reminders were due with those; they were withdrawn and never come.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> subjects(customer).size() == 2 && subjects(provider).size() == 2);
    assertThat(subjects(customer)).noneMatch(subject -> subject.startsWith("Reminder"));
    assertThat(subjects(provider)).noneMatch(subject -> subject.startsWith("Reminder"));
    assertThat(subjects(remindedCustomer)).hasSize(2);
    assertThat(subjects(remindedProvider)).hasSize(2);
    // Withdrawn from the scheduler, they never reached a worker: no status, where a reminder
    // dropped when it ran (its booking found cancelled) would have one.
    assertThat(reminderStatusCode(remindedBooking, MailRecipient.CUSTOMER)).isEqualTo(200);
    assertThat(reminderStatusCode(booking, MailRecipient.CUSTOMER)).isEqualTo(404);
    assertThat(reminderStatusCode(booking, MailRecipient.PROVIDER)).isEqualTo(404);
  }

  private static void assertConfirmations(
      Person customer, Person provider, String booking, Instant start, ZoneId zone) {
    String what = "Pedro's plumbing visit, " + DAY_TIME.format(start.atZone(zone));
    ReceivedMail toCustomer = awaitOnly(customer, "Booking confirmed: ");
    assertThat(toCustomer.subject()).isEqualTo("Booking confirmed: " + what);
    assertThat(toCustomer.text())
        .startsWith("Hello Lina,")
        .contains("Your booking with Pedro Services (Pedro) is confirmed.")
        .contains("When:     " + span(start, zone))
        .contains("Where:    " + ADDRESS)
        .contains("Provider: Pedro Services (Pedro)")
        .contains("Booking:  " + booking);
    ReceivedMail toProvider = awaitOnly(provider, "New booking: ");
    assertThat(toProvider.subject()).isEqualTo("New booking: " + what);
    assertThat(toProvider.text())
        .startsWith("Hello Pedro,")
        .contains("Lina booked you.")
        .contains("Customer: Lina")
        .contains("Booking:  " + booking);
  }

  private static void assertCancellations(Person customer, Person provider, String booking) {
    assertThat(awaitOnly(provider, "Booking cancelled: ").text())
        .contains("Lina cancelled the booking below. The reason given: A neighbour fixed it.")
        .contains("Booking:  " + booking);
    assertThat(awaitOnly(customer, "Booking cancelled: ").text())
        .contains("You cancelled the booking below.");
  }

  /** Both parties are reminded within a few seconds of 24 hours before the start. */
  private static void assertReminders(
      Person customer, Person provider, String booking, Instant start, ZoneId zone) {
    Instant remindAt = start.minus(REMINDER_LEAD);
    ReceivedMail reminder = awaitReminder(customer, remindAt);
    assertThat(reminder.receivedAt()).isBetween(remindAt.minusMillis(500), remindAt.plusSeconds(5));
    assertThat(reminder.messageId())
        .isEqualTo(MailHandlers.messageIdOf(JobTypes.reminderId(booking, MailRecipient.CUSTOMER)));
    assertThat(reminder.subject())
        .isEqualTo(
            "Reminder: Rosa's plumbing visit tomorrow at "
                + start.atZone(zone).toLocalTime()
                + " ("
                + zone.getId()
                + ")");
    ReceivedMail toProvider = awaitReminder(provider, remindAt);
    assertThat(toProvider.receivedAt())
        .isBetween(remindAt.minusMillis(500), remindAt.plusSeconds(5));
    assertThat(toProvider.text()).contains("Carlo booked you for tomorrow at");
  }

  /** Returns the HTTP status code of {@code GET /api/jobs/{id}} for a booking's reminder. */
  private static int reminderStatusCode(String booking, MailRecipient recipient) {
    String jobId = JobTypes.reminderId(booking, recipient).toString();
    return system.api().get("/api/jobs/" + jobId, "X-Api-Key", INTERNAL_KEY).status();
  }

  /** A signed-up account with its address, read back from {@code /api/me}. */
  private record Person(Client client, String email, String name) {}

  private static Person person(Client client) {
    var me = client.get("/api/me");
    expect(me, 200);
    return new Person(client, me.json().get("email").asText(), me.json().get("name").asText());
  }

  /** Sets up a provider's profile and one plumbing listing of an hour; returns the listing. */
  private static String publish(Person person) {
    Client client = person.client();
    var profile = Marketplace.profile(person.name(), "Manila", Category.PLUMBING);
    expect(client.put("/api/providers/me/profile", profile), 200);
    var listing = Marketplace.listing(Category.PLUMBING, person.name());
    var published = client.post("/api/providers/me/listings", listing);
    expect(published, 201);
    return published.json().get("listingId").asText();
  }

  /**
   * Opens a provider's hours at {@code start} only, for an hour of five-minute slots, in a zone
   * where that hour stays within one day.
   */
  private static Provider openAt(Person person, String listingId, Instant start) {
    ZonedDateTime local = start.atZone(zoneKeepingTheHourInOneDay(start));
    LocalTime from = local.toLocalTime();
    WeeklyHours hours =
        new WeeklyHours(
            local.getZone().getId(),
            5,
            Map.of(local.getDayOfWeek(), List.of(new Interval(from, from.plusMinutes(60)))));
    expect(person.client().put("/api/providers/me/availability", hours), 200);
    return new Provider(person.client(), listingId, Category.PLUMBING, hours);
  }

  private static ZoneId zoneKeepingTheHourInOneDay(Instant start) {
    for (String zone : List.of("Asia/Manila", "UTC")) {
      LocalTime from = start.atZone(ZoneId.of(zone)).toLocalTime();
      if (from.isBefore(LocalTime.of(23, 0))) {
        return ZoneId.of(zone);
      }
    }
    throw new AssertionError("Manila and UTC are eight hours apart; one of them fits");
  }

  private static Instant firstMinuteAfter(Instant at) {
    return at.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
  }

  private static String span(Instant start, ZoneId zone) {
    ZonedDateTime from = start.atZone(zone);
    return DAY_TIME.format(from)
        + " to "
        + from.plusMinutes(Marketplace.MINUTES).toLocalTime()
        + " ("
        + zone.getId()
        + ")";
  }

  private static List<ReceivedMail> mailsOf(Person person) {
    return smtp.receivedBy(person.email());
  }

  /** Returns the subjects of the mails a person got, welcome aside. */
  private static List<String> subjects(Person person) {
    return mailsOf(person).stream()
        .map(ReceivedMail::subject)
        .filter(subject -> !subject.startsWith("Welcome"))
        .toList();
  }

  /** Waits for a mail whose subject starts so, and checks that it is the only one. */
  private static ReceivedMail awaitOnly(Person person, String subjectStart) {
    List<ReceivedMail> mails =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    mailsOf(person).stream()
                        .filter(mail -> mail.subject().startsWith(subjectStart))
                        .toList(),
                found -> !found.isEmpty());
    assertThat(mails).as("mails to %s: %s", person.email(), subjectStart).hasSize(1);
    return mails.getFirst();
  }

  private static ReceivedMail awaitReminder(Person person, Instant remindAt) {
    Duration wait = Duration.between(Instant.now(), remindAt).plusSeconds(30);
    return await()
        .atMost(wait.isNegative() ? Duration.ofSeconds(30) : wait)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                mailsOf(person).stream()
                    .filter(mail -> mail.subject().startsWith("Reminder: "))
                    .toList(),
            found -> !found.isEmpty())
        .getFirst();
  }
}
