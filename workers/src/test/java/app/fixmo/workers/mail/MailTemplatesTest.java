package app.fixmo.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
  private static final Instant TUESDAY_NINE =
      LocalDateTime.of(2026, 12, 8, 9, 0).atZone(MANILA).toInstant();
  private static final Party ANA = new Party("acc-ana", "ana@fixmo.test", "Ana Reyes");
  private static final Party BEN = new Party("acc-ben", "ben@fixmo.test", "Ben Cruz");

  private final MailTemplates templates = new MailTemplates(120);

  @Test
  void timesAreWrittenOnTheProvidersClockWithTheZoneNamed() {
    assertThat(MailTimes.dayAndTime(TUESDAY_NINE, MANILA))
        .isEqualTo("Tuesday 8 December 2026, 09:00");
    assertThat(MailTimes.span(TUESDAY_NINE, TUESDAY_NINE.plus(Duration.ofHours(2)), MANILA))
        .isEqualTo("Tuesday 8 December 2026, 09:00 to 11:00 (Asia/Manila)");
  }

  @Test
  void spanPastMidnightWritesTheEndsDayToo() {
    Instant late = LocalDateTime.of(2026, 12, 8, 23, 0).atZone(MANILA).toInstant();

    String span = MailTimes.span(late, late.plus(Duration.ofHours(2)), MANILA);

    assertThat(span)
        .isEqualTo(
            "Tuesday 8 December 2026, 23:00 to Wednesday 9 December 2026, 01:00 (Asia/Manila)");
  }

  @Test
  void relativeDayCountsCalendarDaysInTheZoneNotHours() {
    Instant mondayLateEvening = LocalDateTime.of(2026, 12, 7, 23, 30).atZone(MANILA).toInstant();
    Instant tuesdayEarly = LocalDateTime.of(2026, 12, 8, 0, 30).atZone(MANILA).toInstant();

    assertThat(MailTimes.relativeDay(TUESDAY_NINE, MANILA, mondayLateEvening))
        .isEqualTo("tomorrow");
    assertThat(MailTimes.relativeDay(TUESDAY_NINE, MANILA, tuesdayEarly)).isEqualTo("today");
    assertThat(MailTimes.relativeDay(TUESDAY_NINE, MANILA, tuesdayEarly.minus(Duration.ofDays(3))))
        .isEqualTo("on Tuesday 8 December 2026");
  }

  @Test
  void minutesAreSaidAsPeopleSayThem() {
    assertThat(MailTimes.minutes(120)).isEqualTo("2 hours");
    assertThat(MailTimes.minutes(60)).isEqualTo("1 hour");
    assertThat(MailTimes.minutes(90)).isEqualTo("90 minutes");
  }

  @Test
  void providerWithoutAPageDisplayNameIsCalledByItsAccountName() {
    Letter letter =
        templates.confirmed(mail(MailRecipient.CUSTOMER, null, null), MANILA, parties(null));

    assertThat(letter.text())
        .contains("Your booking with Ben Cruz is confirmed.")
        .contains("  Provider: Ben Cruz\n");
  }

  @Test
  void cancellationByTheRecipientSaysYou() {
    BookingMail mail = mail(MailRecipient.PROVIDER, "account:acc-ben", "Sick today.");

    Letter letter = templates.cancelled(mail, MANILA, parties("Cruz Plumbing Services"));

    assertThat(letter.text())
        .startsWith("Hello Ben Cruz,\n\n")
        .contains("You cancelled the booking below. The reason given: Sick today.")
        .contains("  Customer: Ana Reyes\n")
        .contains("The time is open for other bookings again.");
  }

  @Test
  void cancellationByTheProviderWithoutAReasonSaysSoToTheCustomer() {
    BookingMail mail = mail(MailRecipient.CUSTOMER, "account:acc-ben", null);

    Letter letter = templates.cancelled(mail, MANILA, parties("Cruz Plumbing Services"));

    assertThat(letter.text())
        .contains("Cruz Plumbing Services (Ben Cruz) cancelled the booking below.")
        .contains("No reason was given.");
  }

  @Test
  void reminderToTheProviderNamesTheCustomerAndTheTime() {
    Instant dayBefore = TUESDAY_NINE.minus(Duration.ofHours(24));

    Letter letter =
        templates.reminder(
            mail(MailRecipient.PROVIDER, null, null), MANILA, parties(null), dayBefore);

    assertThat(letter.subject())
        .isEqualTo("Reminder: Leak and clog repair tomorrow at 09:00 (Asia/Manila)");
    assertThat(letter.text()).contains("A reminder: Ana Reyes booked you for tomorrow at 09:00.");
  }

  @Test
  void noCancellationCutoffMeansUntilItStarts() {
    Letter letter =
        new MailTemplates(0)
            .confirmed(mail(MailRecipient.CUSTOMER, null, null), MANILA, parties(null));

    assertThat(letter.text()).contains("You can cancel it in FixMo until it starts.");
  }

  private static BookingParties parties(String business) {
    return new BookingParties(ANA, BEN, business);
  }

  private static BookingMail mail(MailRecipient recipient, String cancelledBy, String reason) {
    return new BookingMail(
        "bk-1",
        recipient,
        BEN.accountId(),
        ANA.accountId(),
        "Leak and clog repair",
        TUESDAY_NINE,
        TUESDAY_NINE.plus(Duration.ofHours(1)),
        MANILA.getId(),
        "1420 Mabini St., Malate, Manila",
        reason,
        cancelledBy);
  }
}
