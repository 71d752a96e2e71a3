package app.fixmo.processors.providers;

import static app.fixmo.processors.providers.ProviderFixtures.CUSTOMER;
import static app.fixmo.processors.providers.ProviderFixtures.MONDAY_8;
import static app.fixmo.processors.providers.ProviderFixtures.NOW;
import static app.fixmo.processors.providers.ProviderFixtures.book;
import static app.fixmo.processors.providers.ProviderFixtures.cancel;
import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.processors.ProcessorsTopology;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booking's reminders through the whole processors topology: the providers processor schedules
 * them, the job scheduler holds them, and a cancellation withdraws them before they are due.
 */
class BookingRemindersTest {

  private static final Instant REMIND_AT = MONDAY_8.minus(Duration.ofHours(24));

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(NOW);
  private ProvidersDriver driver;
  private Command booking;

  @BeforeEach
  void bookMondayAt8() {
    // The driver's wall clock, which the scheduler releases by, starts with the decider's clock.
    driver =
        new ProvidersDriver(
            ProcessorsTopology.build(ProvidersDriver.NAMESPACE, clock), stateDir, NOW);
    driver.send(ProviderFixtures.profile(Category.PLUMBING));
    driver.send(ProviderFixtures.hours());
    Command listing = ProviderFixtures.createListing(Category.PLUMBING, 1500, 60);
    driver.send(listing);
    booking = book(listing.id().toString(), MONDAY_8);
    driver.send(booking);
    driver.drainAll();
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void remindersReachTheDefaultLane24HoursBeforeTheStart() {
    String bookingId = booking.id().toString();

    advanceWallClockTo(REMIND_AT.minusSeconds(1));
    var early = driver.jobs(Topics.JOBS_DEFAULT);
    advanceWallClockTo(REMIND_AT.plusSeconds(1));

    assertThat(early).isEmpty();
    assertThat(driver.jobs(Topics.JOBS_DEFAULT))
        .extracting(TestRecord::key)
        .containsExactlyInAnyOrder(
            JobTypes.reminderId(bookingId, MailRecipient.CUSTOMER).toString(),
            JobTypes.reminderId(bookingId, MailRecipient.PROVIDER).toString());
  }

  @Test
  void cancelledBookingsRemindersNeverLeave() {
    driver.send(cancel(CUSTOMER, booking.id().toString()));

    advanceWallClockTo(MONDAY_8.plus(Duration.ofDays(1)));

    assertThat(driver.jobs(Topics.JOBS_DEFAULT)).isEmpty();
    assertThat(driver.jobs(Topics.JOBS_CRITICAL))
        .extracting(record -> record.value().type())
        .containsOnly(JobTypes.BOOKING_CANCELLED_MAIL);
  }

  private void advanceWallClockTo(Instant time) {
    Duration step = Duration.between(clock.instant(), time);
    clock.set(time);
    driver.advanceWallClock(step);
  }
}
