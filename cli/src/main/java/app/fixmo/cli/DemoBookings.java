package app.fixmo.cli;

import app.fixmo.cli.DemoCatalogue.Person;
import app.fixmo.cli.DemoCatalogue.Provider;
import app.fixmo.cli.DemoClient.Call;
import app.fixmo.cli.DemoClient.Reply;
import app.fixmo.cli.DemoSeed.Session;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Books demo customers with demo providers: some bookings the provider starts and completes and the
 * customer reviews (so providers earn different ratings and lists have a visible order), some
 * confirmed for the days ahead, and one cancelled.
 */
final class DemoBookings {

  private static final int[] RATINGS = {5, 4, 5, 3, 4, 5, 4, 5, 3, 5, 4, 4};

  /** The provider, by place in the catalogue, one of whose bookings its customer cancels. */
  private static final int CANCELLED_AT = 4;

  private final DemoRun run;
  private final Map<String, Session> sessions;

  DemoBookings(DemoRun run, Map<String, Session> sessions) {
    this.run = run;
    this.sessions = sessions;
  }

  private record Request(
      String providerId, String listingId, Instant start, String address, String notes) {}

  private record Review(int rating, String comment) {}

  private record Cancel(String reason) {}

  /** A booking made, and who made it. */
  private record Booked(String bookingId, Session customer) {}

  /** Books with the provider at a place in the catalogue, unless it has bookings already. */
  void bookWith(int place) {
    Provider provider = DemoCatalogue.PROVIDERS.get(place);
    Session owner = sessions.get(provider.email());
    if (owner == null || hasBookings(owner)) {
      return;
    }
    Optional<JsonNode> page =
        run.expect(owner.email(), Call.get("/api/providers/" + owner.accountId(), null), 200)
            .map(Reply::body);
    if (page.isEmpty() || page.get().path("listings").isEmpty()) {
      return;
    }
    var plan = new Plan(place, provider, page.get(), DemoSlots.of(page.get()));
    int reviewed = (place + 2) % 4;
    for (int n = 0; n < reviewed; n++) {
      int variant = place + n;
      book(plan, n).ifPresent(booked -> completeAndReview(owner, booked, variant));
    }
    if (place % 2 == 0) {
      book(plan, reviewed).ifPresent(booked -> run.count("bookings.confirmed"));
    }
    if (place == CANCELLED_AT) {
      book(plan, reviewed + 1).ifPresent(this::cancel);
    }
  }

  /** What one provider's bookings are made from. */
  private record Plan(int place, Provider provider, JsonNode page, DemoSlots slots) {

    JsonNode listing(int n) {
      JsonNode listings = page.path("listings");
      return listings.get(n % listings.size());
    }
  }

  private boolean hasBookings(Session owner) {
    Optional<Reply> mine =
        run.expect(owner.email(), Call.get("/api/me/bookings", owner.token()), 200, 404);
    boolean has = mine.map(reply -> !reply.body().path("items").isEmpty()).orElse(false);
    if (has) {
      run.count("providers.booked-before");
    }
    return has;
  }

  /**
   * Books the n-th booking of a plan, trying a few slots of its day until one is free; a slot is
   * only refused when someone else took it meanwhile, so the last refusal is the failure.
   */
  private Optional<Booked> book(Plan plan, int n) {
    Session customer = customerFor(plan, n);
    JsonNode listing = plan.listing(n);
    List<Instant> starts =
        plan.slots().candidates(n, plan.place() + n, listing.path("durationMinutes").asInt());
    if (customer == null || starts.isEmpty()) {
      run.note(plan.provider().email() + ": no customer or no open slot for booking " + n);
      return Optional.empty();
    }
    Optional<Reply> reply = Optional.empty();
    Call call = null;
    for (Instant start : starts) {
      call = bookingCall(plan, n, customer, listing, start);
      reply = run.expect(customer.email(), call, 201, 409, 422);
      if (reply.isEmpty() || reply.get().status() == 201) {
        break;
      }
    }
    if (reply.isPresent() && reply.get().status() != 201) {
      run.fail(customer.email(), call, reply.get());
      return Optional.empty();
    }
    return reply.map(booked -> new Booked(booked.body().path("bookingId").asText(), customer));
  }

  private static Call bookingCall(
      Plan plan, int n, Session customer, JsonNode listing, Instant start) {
    int variant = plan.place() + n;
    var request =
        new Request(
            plan.page().path("providerId").asText(),
            listing.path("listingId").asText(),
            start,
            DemoPhrases.address(plan.provider().account().city(), variant),
            DemoPhrases.notes(variant));
    return Call.write("POST", "/api/bookings", request, customer.token())
        .once("p" + plan.place() + "-booking-" + n + "-" + start.getEpochSecond());
  }

  private Session customerFor(Plan plan, int n) {
    String city = plan.provider().account().city();
    List<Person> near =
        DemoCatalogue.CUSTOMERS.stream().filter(c -> c.city().equals(city)).toList();
    return sessions.get(near.get((plan.place() + n) % near.size()).email());
  }

  /** Starts, completes and reviews a booking; the variant picks the rating and the comment. */
  private void completeAndReview(Session owner, Booked booked, int variant) {
    String path = "/api/bookings/" + booked.bookingId();
    if (!moved(owner, path + "/start") || !moved(owner, path + "/complete")) {
      return;
    }
    run.count("bookings.completed");

    int rating = RATINGS[variant * 5 % RATINGS.length];
    var review = new Review(rating, DemoPhrases.comment(rating, variant));
    Call call = Call.write("POST", path + "/review", review, booked.customer().token());
    run.expect(booked.customer().email(), call, 200, 201)
        .ifPresent(
            reply -> {
              run.count("reviews");
              run.add("reviews.rating-sum", rating);
            });
  }

  private boolean moved(Session owner, String path) {
    Call move = Call.write("POST", path, null, owner.token());
    return run.expect(owner.email(), move, 200).isPresent();
  }

  private void cancel(Booked booked) {
    String path = "/api/bookings/" + booked.bookingId() + "/cancel";
    var reason = new Cancel("Family emergency; I will book again next week.");
    run.expect(
            booked.customer().email(),
            Call.write("POST", path, reason, booked.customer().token()),
            200)
        .ifPresent(reply -> run.count("bookings.cancelled"));
  }
}
