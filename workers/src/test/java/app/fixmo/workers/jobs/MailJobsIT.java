package app.fixmo.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.fixmo.embedded.EmbeddedMail;
import app.fixmo.embedded.EmbeddedMail.ReceivedMail;
import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.accounts.AccountViews.Account;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.schemas.jobs.JobStatus;
import app.fixmo.schemas.jobs.JobStatus.State;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import app.fixmo.schemas.jobs.JobTypes.WelcomeMail;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.RedisInstance;
import app.fixmo.testkit.TestNamespace;
import app.fixmo.testkit.WithKafkaAndRedis;
import app.fixmo.workers.jobs.TestJobs.Recorder;
import app.fixmo.workers.mail.MailHandlers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The mail jobs on a real broker and Redis, sending to a real SMTP server (GreenMail): what
 * arrives, to whom, and how often.
 */
@WithKafkaAndRedis
class MailJobsIT {

  private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
  private static final String FROM = "FixMo <no-reply@fixmo.test>";
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  private static EmbeddedMail smtp;

  private final Recorder recorder = new Recorder();
  private JobsFixture jobs;
  private RedissonClient redis;
  private ViewStore views;

  @BeforeAll
  static void startSmtp() {
    smtp = EmbeddedMail.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.close();
  }

  @BeforeEach
  void createTopics(KafkaBroker broker, RedisInstance redisInstance, TestNamespace namespace) {
    jobs = JobsFixture.create(broker, redisInstance, namespace);
    redis = RedisClients.create(jobs.config());
    views = new ViewStore(redis, jobs.config());
  }

  @AfterEach
  void stop() {
    jobs.close();
    redis.shutdown();
  }

  @Test
  void welcomeMailArrivesOnceWithTheJobsMessageId() {
    startWorkers(smtp.port());
    String email = email("dana");
    Job job = job(JobTypes.WELCOME_MAIL, new WelcomeMail("acc-dana", email, "Dana Cruz"));

    jobs.produce(job);

    ReceivedMail mail = awaitOneMail(email);
    assertThat(mail.messageId()).isEqualTo(MailHandlers.messageIdOf(job.id()));
    assertThat(mail.messageId()).isEqualTo("<" + job.id() + "@fixmo>");
    assertThat(mail.from()).isEqualTo(FROM);
    assertThat(mail.subject()).isEqualTo("Welcome to FixMo, Dana Cruz");
    assertThat(mail.text()).startsWith("Hello Dana Cruz,").contains(email);
    assertThat(jobs.awaitState(job, State.SUCCEEDED).attempts()).isEqualTo(1);
  }

  @Test
  void confirmedBookingMailsTellEachPartyWhatWhenWhereAndWhoTheOtherIs() {
    startWorkers(smtp.port());
    Booking booking = booking();
    Job toCustomer = job(JobTypes.BOOKING_CONFIRMED_MAIL, booking.mail(MailRecipient.CUSTOMER));
    Job toProvider = job(JobTypes.BOOKING_CONFIRMED_MAIL, booking.mail(MailRecipient.PROVIDER));

    jobs.produce(toCustomer);
    jobs.produce(toProvider);

    ReceivedMail customerMail = awaitOneMail(booking.customer().email());
    ReceivedMail providerMail = awaitOneMail(booking.provider().email());
    String when = "Tuesday 8 December 2026, 09:00";
    assertThat(customerMail.messageId()).isEqualTo(MailHandlers.messageIdOf(toCustomer.id()));
    assertThat(customerMail.subject())
        .isEqualTo("Booking confirmed: Leak and clog repair, " + when);
    assertThat(customerMail.text())
        .startsWith("Hello Ana Reyes,")
        .contains("Your booking with Cruz Plumbing Services (Ben Cruz) is confirmed.")
        .contains("When:     " + when + " to 10:00 (Asia/Manila)")
        .contains("Where:    1420 Mabini St., Malate, Manila")
        .contains("Provider: Cruz Plumbing Services (Ben Cruz)")
        .contains("Booking:  " + booking.id())
        .contains("until 2 hours before it starts");
    assertThat(providerMail.messageId()).isEqualTo(MailHandlers.messageIdOf(toProvider.id()));
    assertThat(providerMail.subject()).isEqualTo("New booking: Leak and clog repair, " + when);
    assertThat(providerMail.text())
        .startsWith("Hello Ben Cruz,")
        .contains("Ana Reyes booked you.")
        .contains("Customer: Ana Reyes")
        .contains("Booking:  " + booking.id());
  }

  @Test
  void cancelledBookingMailSaysWhoCancelledAndWhy() {
    startWorkers(smtp.port());
    Booking booking = booking();
    BookingMail cancelledByCustomer =
        booking.cancelled(MailRecipient.PROVIDER, booking.customer(), "The leak fixed itself.");
    Job job = job(JobTypes.BOOKING_CANCELLED_MAIL, cancelledByCustomer);

    jobs.produce(job);

    ReceivedMail mail = awaitOneMail(booking.provider().email());
    assertThat(mail.subject())
        .isEqualTo("Booking cancelled: Leak and clog repair, Tuesday 8 December 2026, 09:00");
    assertThat(mail.text())
        .startsWith("Hello Ben Cruz,")
        .contains("Ana Reyes cancelled the booking below.")
        .contains("The reason given: The leak fixed itself.")
        .contains("Booking:  " + booking.id());
    assertThat(mail.to()).containsExactly(booking.provider().email());
  }

  @Test
  void reminderSaysTomorrowAtTheStartOnTheProvidersClock() {
    startWorkers(smtp.port());
    Instant start = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MINUTES);
    Booking booking = booking(start);
    Job job = reminder(booking, MailRecipient.CUSTOMER);

    jobs.produce(job);

    ReceivedMail mail = awaitOneMail(booking.customer().email());
    String time = start.atZone(MANILA).toLocalTime().toString();
    assertThat(mail.messageId())
        .isEqualTo(
            MailHandlers.messageIdOf(JobTypes.reminderId(booking.id(), MailRecipient.CUSTOMER)));
    assertThat(mail.subject())
        .isEqualTo("Reminder: Leak and clog repair tomorrow at " + time + " (Asia/Manila)");
    assertThat(mail.text())
        .contains(
            "your booking with Cruz Plumbing Services (Ben Cruz) is tomorrow at " + time + ".");
  }

  @Test
  void jobDeliveredTwiceSendsOneMail() {
    startWorkers(smtp.port());
    Booking booking = booking();
    Job job = job(JobTypes.BOOKING_CONFIRMED_MAIL, booking.mail(MailRecipient.CUSTOMER));

    jobs.produce(job);
    recorder.await(job, Settlement.SUCCEEDED);
    jobs.produce(job);

    recorder.await(job, Settlement.DUPLICATE);
    assertThat(smtp.receivedBy(booking.customer().email())).hasSize(1);
  }

  @Test
  void reminderOfACancelledBookingSucceedsWithoutSendingAnything() {
    startWorkers(smtp.port());
    Booking booking = booking(Instant.now().plus(Duration.ofHours(24)));
    storeBooking(booking, "cancelled", 2);
    Job job = reminder(booking, MailRecipient.CUSTOMER);

    jobs.produce(job);

    recorder.await(job, Settlement.SUCCEEDED);
    assertThat(smtp.receivedBy(booking.customer().email())).isEmpty();
    assertThat(jobs.awaitState(job, State.SUCCEEDED).attempts()).isEqualTo(1);
  }

  @Test
  void addressTheServerRefusesForGoodSendsTheJobToTheDeadLettersAtOnce() {
    startWorkers(smtp.port());
    String email = email("gone");
    smtp.refuse(email);
    Job job = job(JobTypes.WELCOME_MAIL, new WelcomeMail("acc-gone", email, "Gone"));

    jobs.produce(job);

    DeadJob dead = Json.read(jobs.awaitRecords(Topics.JOBS_DEAD, 1).get(0).value(), DeadJob.class);
    assertThat(dead.reason()).isEqualTo(DeadJob.Reason.REJECTED);
    assertThat(dead.jobId()).isEqualTo(job.id().toString());
    assertThat(dead.attempts()).isEqualTo(1);
    assertThat(dead.error()).contains("refused " + email + " for good", "550");
    assertThat(jobs.awaitState(job, State.DEAD).attempts()).isEqualTo(1);
  }

  @Test
  void missingAccountFailsTheAttemptAndTheJobIsRetried() {
    startWorkers(smtp.port());
    Booking booking = booking();
    BookingMail toNobody =
        new BookingMail(
            booking.id(),
            MailRecipient.CUSTOMER,
            booking.provider().accountId(),
            "acc-not-projected-yet",
            "Leak and clog repair",
            booking.start(),
            booking.start().plus(Duration.ofHours(1)),
            MANILA.getId(),
            "1420 Mabini St., Malate, Manila",
            null,
            null);
    Job job = job(JobTypes.BOOKING_CONFIRMED_MAIL, toNobody);

    jobs.produce(job);

    JobStatus status = jobs.awaitState(job, State.RETRYING);
    Job next = Json.read(jobs.awaitRecords(Topics.JOBS_SCHEDULED, 1).get(0).value(), Job.class);
    assertThat(status.lastError()).contains("no account document acc-not-projected-yet");
    assertThat(next.id()).isEqualTo(job.id());
    assertThat(next.attempt()).isEqualTo(2);
  }

  @Test
  void unreachableMailServerFailsTheAttemptAndTheJobIsRetried() throws Exception {
    startWorkers(closedPort());
    Job job = job(JobTypes.WELCOME_MAIL, new WelcomeMail("acc-eli", email("eli"), "Eli"));

    jobs.produce(job);

    JobStatus status = jobs.awaitState(job, State.RETRYING);
    assertThat(status.lastError()).containsIgnoringCase("connect");
    assertThat(status.attempts()).isEqualTo(1);
  }

  private void startWorkers(int smtpPort) {
    FixmoConfig config =
        jobs.config()
            .with(
                Map.of(
                    "FIXMO_SMTP_HOST", smtp.host(),
                    "FIXMO_SMTP_PORT", Integer.toString(smtpPort),
                    "FIXMO_MAIL_FROM", FROM));
    jobs.start(
        MailHandlers.create(config, views, Clock.systemUTC()),
        List.of(Lane.of("default", 1)),
        recorder);
  }

  private ReceivedMail awaitOneMail(String email) {
    List<ReceivedMail> mails =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> smtp.receivedBy(email), received -> !received.isEmpty());
    assertThat(mails).hasSize(1);
    return mails.getFirst();
  }

  private static Job job(String type, Object payload) {
    return TestJobs.job("default", type, payload);
  }

  private static Job reminder(Booking booking, MailRecipient recipient) {
    Job any = job(JobTypes.BOOKING_REMINDER_MAIL, booking.mail(recipient));
    return new Job(
        JobTypes.reminderId(booking.id(), recipient),
        any.queue(),
        any.type(),
        any.payload(),
        1,
        null,
        null,
        any.submittedBy(),
        any.submittedAt(),
        Job.SCHEMA_VERSION,
        any.requestId(),
        null);
  }

  private static String email(String name) {
    return name + "-" + PEOPLE.incrementAndGet() + "-" + Ids.newText() + "@example.com";
  }

  /** A booking of Ben's "Leak and clog repair" by Ana, with both accounts in the view cache. */
  private Booking booking() {
    LocalDate tuesday = LocalDate.of(2026, 12, 8);
    return booking(tuesday.atTime(9, 0).atZone(MANILA).toInstant());
  }

  private Booking booking(Instant start) {
    Account customer = account("Ana Reyes", Role.CUSTOMER);
    Account provider = account("Ben Cruz", Role.PROVIDER);
    put(
        ProviderViews.PROVIDER_PAGE,
        provider.accountId(),
        Map.of("displayName", "Cruz Plumbing Services"));
    Booking booking = new Booking(Ids.newText(), customer, provider, start);
    storeBooking(booking, "confirmed", 1);
    return booking;
  }

  private void storeBooking(Booking booking, String status, long version) {
    Map<String, Object> body = Map.of("bookingId", booking.id(), "status", status);
    views.apply(
        new ViewDocument(
            ProviderViews.BOOKING,
            booking.id(),
            version,
            Instant.now(),
            "req-test",
            Json.toTree(body)));
  }

  private Account account(String name, Role role) {
    String id = Ids.newText();
    Account account =
        new Account(id, email(name.split(" ")[0].toLowerCase()), name, role, "Manila");
    put(AccountViews.ACCOUNT, id, account);
    return account;
  }

  private void put(String view, String id, Object body) {
    views.apply(new ViewDocument(view, id, 1, Instant.now(), "req-test", Json.toTree(body)));
  }

  private record Booking(String id, Account customer, Account provider, Instant start) {

    BookingMail mail(MailRecipient recipient) {
      return cancelled(recipient, null, null);
    }

    BookingMail cancelled(MailRecipient recipient, Account by, String reason) {
      return new BookingMail(
          id,
          recipient,
          provider.accountId(),
          customer.accountId(),
          "Leak and clog repair",
          start,
          start.plus(Duration.ofHours(1)),
          MANILA.getId(),
          "1420 Mabini St., Malate, Manila",
          reason,
          by == null ? null : "account:" + by.accountId());
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
