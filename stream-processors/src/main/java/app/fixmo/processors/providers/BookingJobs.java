package app.fixmo.processors.providers;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.ProviderEvents;
import app.fixmo.schemas.providers.ProviderEvents.BookingChanged;
import app.fixmo.schemas.providers.ProviderViews.Booking;
import app.fixmo.schemas.providers.ProviderViews.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mail jobs a provider's booking events need, one per party of the booking:
 *
 * <ul>
 *   <li>{@code booking.confirmed}: a confirmation mail each, in the critical lane, and a reminder
 *       each in the default lane, due {@link #REMINDER_LEAD} before the start, under {@link
 *       JobTypes#reminderId}; no reminder when that time has passed already.
 *   <li>{@code booking.cancelled}: a cancellation mail each, in the critical lane, and both
 *       reminder ids withdrawn from the scheduler.
 * </ul>
 *
 * <p>The other booking events need no mail. Jobs are made from the events of a decision, so a
 * rejection or a redelivered command, which record no event, make none.
 */
final class BookingJobs {

  /** How long before a booking's start its reminders leave. */
  static final Duration REMINDER_LEAD = Duration.ofHours(24);

  private static final List<MailRecipient> PARTIES =
      List.of(MailRecipient.CUSTOMER, MailRecipient.PROVIDER);

  private BookingJobs() {}

  /**
   * Returns the decision with the jobs its booking events need, and the reminders they withdraw.
   *
   * @param decision what a provider command was decided to lead to
   * @param timeZone the provider's zone, in which the mails show the times
   * @param now the decision time
   */
  static Decision<ProviderState> addTo(
      Decision<ProviderState> decision, String timeZone, Instant now) {
    List<Job> jobs = new ArrayList<>();
    List<UUID> withdrawn = new ArrayList<>();
    for (Event event : decision.events()) {
      switch (event.type()) {
        case ProviderEvents.BOOKING_CONFIRMED -> jobs.addAll(confirmed(event, timeZone, now));
        case ProviderEvents.BOOKING_CANCELLED -> {
          jobs.addAll(cancelled(event, timeZone));
          withdrawn.addAll(reminderIds(booking(event)));
        }
        default -> {}
      }
    }
    return jobs.isEmpty() && withdrawn.isEmpty() ? decision : decision.with(jobs, withdrawn);
  }

  /** Returns the ids of a booking's reminders, the customer's first. */
  private static List<UUID> reminderIds(Booking booking) {
    return PARTIES.stream().map(party -> JobTypes.reminderId(booking.bookingId(), party)).toList();
  }

  private static List<Job> confirmed(Event event, String timeZone, Instant now) {
    Booking booking = booking(event);
    List<Job> jobs = new ArrayList<>();
    for (MailRecipient party : PARTIES) {
      BookingMail mail = mail(booking, party, timeZone, null);
      jobs.add(Job.of(event, JobTypes.CRITICAL_QUEUE, JobTypes.BOOKING_CONFIRMED_MAIL, mail));
    }

    Instant remindAt = booking.start().minus(REMINDER_LEAD);
    if (remindAt.isAfter(now)) {
      for (MailRecipient party : PARTIES) {
        jobs.add(reminder(event, mail(booking, party, timeZone, null), remindAt));
      }
    }
    return jobs;
  }

  private static List<Job> cancelled(Event event, String timeZone) {
    Booking booking = booking(event);
    Step cancellation = booking.history().get(booking.history().size() - 1);
    return PARTIES.stream()
        .map(party -> mail(booking, party, timeZone, cancellation))
        .map(mail -> Job.of(event, JobTypes.CRITICAL_QUEUE, JobTypes.BOOKING_CANCELLED_MAIL, mail))
        .toList();
  }

  /** Builds a reminder as {@link Job#of} builds a first attempt, but under its derived id. */
  private static Job reminder(Event cause, BookingMail mail, Instant runAt) {
    return new Job(
        JobTypes.reminderId(mail.bookingId(), mail.recipient()),
        JobTypes.DEFAULT_QUEUE,
        JobTypes.BOOKING_REMINDER_MAIL,
        Json.toTree(mail),
        1,
        runAt,
        cause.id().toString(),
        cause.actor(),
        cause.at(),
        Job.SCHEMA_VERSION,
        cause.requestId(),
        cause.traceparent());
  }

  private static BookingMail mail(
      Booking booking, MailRecipient party, String timeZone, Step cancellation) {
    return new BookingMail(
        booking.bookingId(),
        party,
        booking.providerId(),
        booking.customerId(),
        booking.listingTitle(),
        booking.start(),
        booking.end(),
        timeZone,
        booking.address(),
        cancellation == null ? null : cancellation.reason(),
        cancellation == null ? null : cancellation.by());
  }

  private static Booking booking(Event event) {
    return event.payloadAs(BookingChanged.class).booking();
  }
}
