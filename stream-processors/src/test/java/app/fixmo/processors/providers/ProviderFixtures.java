package app.fixmo.processors.providers;

import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Ids;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands;
import app.fixmo.schemas.providers.ProviderCommands.CancelBooking;
import app.fixmo.schemas.providers.ProviderCommands.ChangeListing;
import app.fixmo.schemas.providers.ProviderCommands.CreateListing;
import app.fixmo.schemas.providers.ProviderCommands.MoveBooking;
import app.fixmo.schemas.providers.ProviderCommands.PostReview;
import app.fixmo.schemas.providers.ProviderCommands.RequestBooking;
import app.fixmo.schemas.providers.ProviderCommands.SetProfile;
import app.fixmo.schemas.providers.ProviderCommands.WithdrawListing;
import app.fixmo.schemas.providers.WeeklyHours;
import app.fixmo.schemas.providers.WeeklyHours.Interval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The provider commands the tests send, as the edge would, and the world they happen in: a plumber
 * in Manila (UTC+8, no daylight saving time) open on weekdays 08:00-12:00 and 13:00-17:00 in
 * one-hour slots, asked on Friday 2026-12-04 at 17:00 Manila time.
 */
final class ProviderFixtures {

  /** When the tests decide, unless they move the clock: Friday 17:00 in Manila. */
  static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

  /** Monday 2026-12-07 08:00 in Manila, the first slot after {@link #NOW}. */
  static final Instant MONDAY_8 = Instant.parse("2026-12-07T00:00:00Z");

  static final String PROVIDER = "0190c0de-0000-7000-8000-00000000a001";
  static final String CUSTOMER = "0190c0de-0000-7000-8000-00000000b001";
  static final String STRANGER = "0190c0de-0000-7000-8000-00000000c001";

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private ProviderFixtures() {}

  /** Returns a wall-clock hour of Monday 2026-12-07 in Manila, as an instant. */
  static Instant monday(int hour) {
    return MONDAY_8.plusSeconds((hour - 8) * 3600L);
  }

  static String actor(String accountId) {
    return "account:" + accountId;
  }

  static Command profile(Category... categories) {
    return asProvider(
        ProviderCommands.SET_PROFILE,
        new SetProfile("Juan's Plumbing", "Leaks fixed fast", "Quezon City", List.of(categories)));
  }

  static Command createListing(Category category, long priceFrom, int durationMinutes) {
    return asProvider(
        ProviderCommands.CREATE_LISTING,
        new CreateListing(category, "Leak repair", "Any pipe", priceFrom, durationMinutes));
  }

  static Command changeListing(String listingId, String title, long priceFrom) {
    return asProvider(
        ProviderCommands.CHANGE_LISTING,
        new ChangeListing(listingId, Category.PLUMBING, title, "Any pipe", priceFrom, 60));
  }

  static Command withdrawListing(String listingId) {
    return asProvider(ProviderCommands.WITHDRAW_LISTING, new WithdrawListing(listingId));
  }

  /** Returns the fixture's hours: weekdays 08:00-12:00 and 13:00-17:00 in Manila, 60 minutes. */
  static Command hours() {
    return asProvider(ProviderCommands.SET_AVAILABILITY, manilaWeekdays(60));
  }

  static WeeklyHours manilaWeekdays(int slotMinutes) {
    Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        days.put(day, workday());
      }
    }
    return new WeeklyHours("Asia/Manila", slotMinutes, days);
  }

  static List<Interval> workday() {
    return List.of(
        new Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
        new Interval(LocalTime.of(13, 0), LocalTime.of(17, 0)));
  }

  static Command book(String listingId, Instant start) {
    return book(CUSTOMER, listingId, start);
  }

  static Command book(String customerId, String listingId, Instant start) {
    return command(
        ProviderCommands.REQUEST_BOOKING,
        actor(customerId),
        new RequestBooking(listingId, start, "12 Mabini St", "Gate code 1234"));
  }

  static Command move(String type, String bookingId) {
    return asProvider(type, new MoveBooking(bookingId));
  }

  static Command cancel(String actorId, String bookingId) {
    return command(
        ProviderCommands.CANCEL_BOOKING, actor(actorId), new CancelBooking(bookingId, "Sick"));
  }

  static Command review(String actorId, String bookingId, int rating) {
    return command(
        ProviderCommands.POST_REVIEW,
        actor(actorId),
        new PostReview(bookingId, rating, "Rated " + rating));
  }

  static Command asProvider(String type, Object payload) {
    return command(type, actor(PROVIDER), payload);
  }

  /** Returns a command to the fixture's provider, with a fresh id and request id. */
  static Command command(String type, String actor, Object payload) {
    return new Command(
        Ids.newId(),
        type,
        PROVIDER,
        actor,
        NOW,
        Command.SCHEMA_VERSION,
        "req-" + Ids.newText(),
        TRACEPARENT,
        Json.toTree(payload));
  }
}
