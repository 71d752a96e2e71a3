package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.PROVIDER;
import static app.fixmo.processors.providers.ProviderFixtures.STRANGER;
import static app.fixmo.processors.providers.ProviderFixtures.actor;
import static app.fixmo.processors.providers.ProviderFixtures.book;
import static app.fixmo.processors.providers.ProviderFixtures.cancel;
import static app.fixmo.processors.providers.ProviderFixtures.move;
import static app.fixmo.processors.providers.ProviderFixtures.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail jobs a booking's life writes, on the topics the providers processor writes them to. */
class BookingMailJobsTest {

  private static final Instant REMIND_AT = MONDAY_8.minus(Duration.ofHours(24));

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(NOW);
  private ProvidersDriver driver;
  private String listingId;

  @BeforeEach
  void openProvider() {
    driver =
        new ProvidersDriver(
            ProvidersTopology.build(ProvidersDriver.NAMESPACE, clock, BookingRules.defaults()),
            stateDir);
    driver.send(ProviderFixtures.profile(Category.PLUMBING));
    driver.send(ProviderFixtures.hours());
    Command listing = ProviderFixtures.createListing(Category.PLUMBING, 1500, 60);
    driver.send(listing);
    listingId = listing.id().toString();
    driver.drainAll();
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void confirmedBookingMailsBothPartiesAtOnceInTheCriticalLane() {
    Command booking = book(listingId, MONDAY_8);

    driver.send(booking);

    List<TestRecord<String, Job>> mails = driver.jobs(Topics.JOBS_CRITICAL);
    assertThat(mails)
        .extracting(record -> record.value().type(), record -> mail(record).recipient())
        .containsExactly(
            tuple(JobTypes.BOOKING_CONFIRMED_MAIL, MailRecipient.CUSTOMER),
            tuple(JobTypes.BOOKING_CONFIRMED_MAIL, MailRecipient.PROVIDER));
    for (TestRecord<String, Job> record : mails) {
      Job job = record.value();
      assertThat(record.key()).isEqualTo(job.id().toString());
      assertThat(header(record, KafkaHeaders.TYPE)).isEqualTo(JobTypes.BOOKING_CONFIRMED_MAIL);
      assertThat(job.queue()).isEqualTo(JobTypes.CRITICAL_QUEUE);
      assertThat(job.runAt()).isNull();
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.requestId()).isEqualTo(booking.requestId());
      assertThat(job.submittedBy()).isEqualTo(actor(CUSTOMER));
      assertThat(job.submittedAt()).isEqualTo(NOW);
      assertThat(mail(record))
          .isEqualTo(expectedMail(booking, mail(record).recipient(), null, null));
    }
    assertThat(mails.get(0).value().id()).isNotEqualTo(mails.get(1).value().id());
    assertThat(driver.jobs(Topics.JOBS_DEFAULT)).isEmpty();
    assertThat(driver.jobs(Topics.JOBS_BULK)).isEmpty();
  }

  @Test
  void confirmedBookingSchedulesAReminderForEachParty24HoursBeforeTheStart() {
    Command booking = book(listingId, MONDAY_8);
    String bookingId = booking.id().toString();

    driver.send(booking);

    List<TestRecord<String, Job>> reminders = driver.jobs(Topics.JOBS_SCHEDULED);
    assertThat(reminders)
        .extracting(TestRecord::key)
        .containsExactly(
            JobTypes.reminderId(bookingId, MailRecipient.CUSTOMER).toString(),
            JobTypes.reminderId(bookingId, MailRecipient.PROVIDER).toString());
    for (TestRecord<String, Job> record : reminders) {
      Job job = record.value();
      MailRecipient recipient = mail(record).recipient();
      assertThat(job.id()).isEqualTo(JobTypes.reminderId(bookingId, recipient));
      assertThat(job.type()).isEqualTo(JobTypes.BOOKING_REMINDER_MAIL);
      assertThat(job.queue()).isEqualTo(JobTypes.DEFAULT_QUEUE);
      assertThat(job.runAt()).isEqualTo(REMIND_AT);
      assertThat(job.attempt()).isEqualTo(1);
      assertThat(job.requestId()).isEqualTo(booking.requestId());
      assertThat(mail(record)).isEqualTo(expectedMail(booking, recipient, null, null));
    }
  }

  @Test
  void bookingStartingWithin24HoursGetsNoReminder() {
    clock.set(REMIND_AT.plusSeconds(1));

    driver.send(book(listingId, MONDAY_8));

    assertThat(driver.jobs(Topics.JOBS_CRITICAL)).hasSize(2);
    assertThat(driver.jobs(Topics.JOBS_SCHEDULED)).isEmpty();
    assertThat(driver.jobs(Topics.JOBS_DEFAULT)).isEmpty();
  }

  @Test
  void cancelledBookingMailsBothPartiesAndWithdrawsBothReminders() {
    Command booking = book(listingId, MONDAY_8);
    String bookingId = booking.id().toString();
    driver.send(booking);
    driver.drainAll();
    Command cancellation = cancel(CUSTOMER, bookingId);

    driver.send(cancellation);

    List<TestRecord<String, Job>> mails = driver.jobs(Topics.JOBS_CRITICAL);
    assertThat(mails)
        .extracting(record -> record.value().type(), record -> mail(record).recipient())
        .containsExactly(
            tuple(JobTypes.BOOKING_CANCELLED_MAIL, MailRecipient.CUSTOMER),
            tuple(JobTypes.BOOKING_CANCELLED_MAIL, MailRecipient.PROVIDER));
    for (TestRecord<String, Job> record : mails) {
      assertThat(record.value().requestId()).isEqualTo(cancellation.requestId());
      assertThat(mail(record))
          .isEqualTo(expectedMail(booking, mail(record).recipient(), "Sick", actor(CUSTOMER)));
    }
    assertThat(driver.jobs(Topics.JOBS_SCHEDULED))
        .extracting(TestRecord::key, TestRecord::value)
        .containsExactly(
            tuple(JobTypes.reminderId(bookingId, MailRecipient.CUSTOMER).toString(), null),
            tuple(JobTypes.reminderId(bookingId, MailRecipient.PROVIDER).toString(), null));
  }

  @Test
  void cancellationByTheProviderNamesTheProvider() {
    Command booking = book(listingId, MONDAY_8);
    driver.send(booking);
    driver.drainAll();

    driver.send(cancel(PROVIDER, booking.id().toString()));

    assertThat(driver.jobs(Topics.JOBS_CRITICAL))
        .extracting(record -> mail(record).cancelledBy())
        .containsExactly(actor(PROVIDER), actor(PROVIDER));
  }

  @Test
  void bookingRejectedForATakenSlotWritesNoJob() {
    driver.send(book(listingId, MONDAY_8));
    driver.drainAll();

    driver.send(book(STRANGER, listingId, MONDAY_8));

    assertThat(driver.outcomes()).extracting(r -> r.value().status()).containsExactly(409);
    assertThat(allJobRecords()).isEmpty();
  }

  @Test
  void bookingDeliveredTwiceMailsOnce() {
    Command booking = book(listingId, MONDAY_8);
    driver.send(booking);
    driver.drainAll();

    driver.send(booking);

    assertThat(driver.outcomes()).extracting(r -> r.value().status()).containsExactly(201);
    assertThat(allJobRecords()).isEmpty();
  }

  @Test
  void startingCompletingAndReviewingWriteNoJob() {
    Command booking = book(listingId, MONDAY_8);
    String bookingId = booking.id().toString();
    driver.send(booking);
    driver.drainAll();

    clock.set(MONDAY_8);
    driver.send(move(ProviderCommands.START_BOOKING, bookingId));
    clock.set(MONDAY_8.plus(Duration.ofHours(1)));
    driver.send(move(ProviderCommands.COMPLETE_BOOKING, bookingId));
    driver.send(review(CUSTOMER, bookingId, 5));

    assertThat(driver.outcomes())
        .extracting(r -> r.value().status())
        .containsExactly(200, 200, 201);
    assertThat(allJobRecords()).isEmpty();
  }

  @Test
  void noShowWritesNoJob() {
    Command booking = book(listingId, MONDAY_8);
    driver.send(booking);
    driver.drainAll();

    clock.set(MONDAY_8.plus(Duration.ofMinutes(15)));
    driver.send(move(ProviderCommands.NO_SHOW_BOOKING, booking.id().toString()));

    assertThat(driver.outcomes()).extracting(r -> r.value().status()).containsExactly(200);
    assertThat(allJobRecords()).isEmpty();
  }

  private List<TestRecord<String, Job>> allJobRecords() {
    List<TestRecord<String, Job>> all = new ArrayList<>();
    for (Topic<Job> topic : JobLanes.TOPICS) {
      all.addAll(driver.jobs(topic));
    }
    all.addAll(driver.jobs(Topics.JOBS_SCHEDULED));
    return all;
  }

  private static BookingMail mail(TestRecord<String, Job> record) {
    return record.value().payloadAs(BookingMail.class);
  }

  private static BookingMail expectedMail(
      Command booking, MailRecipient recipient, String reason, String cancelledBy) {
    return new BookingMail(
        booking.id().toString(),
        recipient,
        PROVIDER,
        CUSTOMER,
        "Leak repair",
        MONDAY_8,
        MONDAY_8.plus(Duration.ofHours(1)),
        "Asia/Manila",
        "12 Mabini St",
        reason,
        cancelledBy);
  }

  private static String header(TestRecord<String, ?> record, String name) {
    return KafkaHeaders.read(record.headers(), name);
  }
}
