package app.fixmo.cli;

import app.fixmo.cli.DemoCatalogue.Person;
import app.fixmo.cli.DemoCatalogue.Provider;
import app.fixmo.cli.DemoClient.Call;
import app.fixmo.cli.DemoClient.Reply;
import app.fixmo.schemas.providers.ProviderCommands.CreateListing;
import app.fixmo.schemas.providers.ProviderCommands.SetProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Seeds a living demo marketplace through the public API, exactly as clients would: providers of
 * every category in three cities with profiles, listings and hours, a few customers, and bookings
 * in every state of their life, reviewed ones included.
 *
 * <p>It is safe to run against a system that already holds the demo: a taken e-mail is signed into,
 * a listing already on the page is not published twice, and a provider that already has bookings
 * gets no new ones.
 */
final class DemoSeed {

  /** How many providers are seeded at once: enough to keep the processors busy. */
  static final int PARALLEL = 6;

  private final DemoRun run;

  DemoSeed(String api) {
    this.run = new DemoRun(new DemoClient(api));
  }

  /** A signed-in demo account. */
  record Session(String email, String accountId, String token) {}

  private record Register(String email, String password, String name, String role, String city) {}

  private record Login(String email, String password) {}

  /**
   * Seeds the demo and prints one summary line per kind, then every failure. Customers come first,
   * since every booking needs one; then each provider runs its own chain (account, profile,
   * listings, hours, bookings), a few chains at a time, so no stage waits for the slowest of the
   * one before.
   */
  void seed(PrintStream out) {
    long started = System.nanoTime();
    Map<String, Session> sessions = new ConcurrentHashMap<>();
    run.inParallel(DemoCatalogue.CUSTOMERS, PARALLEL, c -> signUp(c, "customer", sessions));

    var bookings = new DemoBookings(run, sessions);
    List<Integer> places = IntStream.range(0, DemoCatalogue.PROVIDERS.size()).boxed().toList();
    run.inParallel(
        places,
        PARALLEL,
        place -> {
          signUp(DemoCatalogue.PROVIDERS.get(place).account(), "provider", sessions);
          open(place, sessions);
          bookings.bookWith(place);
        });

    new DemoSummary(run).print(out, (System.nanoTime() - started) / 1_000_000);
  }

  private void signUp(Person person, String role, Map<String, Session> sessions) {
    var body =
        new Register(person.email(), DemoCatalogue.PASSWORD, person.name(), role, person.city());
    Optional<Reply> registered =
        run.expect(person.email(), Call.write("POST", "/api/auth/register", body, null), 201, 409);
    registered.ifPresent(
        reply -> run.count(role + (reply.status() == 201 ? "s.new" : "s.existing")));

    var login = new Login(person.email(), DemoCatalogue.PASSWORD);
    run.expect(person.email(), Call.write("POST", "/api/auth/login", login, null), 200)
        .map(reply -> session(person.email(), reply.body()))
        .ifPresent(session -> sessions.put(person.email(), session));
  }

  private static Session session(String email, JsonNode login) {
    String accountId = login.path("account").path("accountId").asText();
    return new Session(email, accountId, login.path("token").asText());
  }

  /** Puts a provider on show: profile, listings not yet on its page, weekly hours. */
  private void open(int place, Map<String, Session> sessions) {
    Provider provider = DemoCatalogue.PROVIDERS.get(place);
    Session session = sessions.get(provider.email());
    if (session == null) {
      return;
    }
    String who = provider.email();
    var profile =
        new SetProfile(
            provider.displayName(),
            provider.bio(),
            provider.account().city(),
            provider.categories());
    run.expect(
            who,
            Call.write("PUT", "/api/providers/me/profile", profile, session.token()),
            200,
            201,
            204)
        .ifPresent(reply -> run.count("profiles"));

    publish(provider, place, session);

    var hours = provider.hours().availability();
    Call availability = Call.write("PUT", "/api/providers/me/availability", hours, session.token());
    run.expect(who, availability, 200, 201, 204).ifPresent(reply -> run.count("hours"));
  }

  private void publish(Provider provider, int place, Session session) {
    Set<String> onPage = listingTitles(provider.email(), session.accountId());
    List<CreateListing> listings = DemoOffers.of(provider, place);
    for (int i = 0; i < listings.size(); i++) {
      CreateListing listing = listings.get(i);
      if (onPage.contains(listing.title())) {
        run.count("listings.existing");
        continue;
      }
      Call call =
          Call.write("POST", "/api/providers/me/listings", listing, session.token())
              .once("p" + place + "-listing-" + i);
      run.expect(provider.email(), call, 201).ifPresent(reply -> run.count("listings.new"));
    }
  }

  private Set<String> listingTitles(String who, String providerId) {
    Set<String> titles = new HashSet<>();
    run.expect(who, Call.get("/api/providers/" + providerId, null), 200)
        .ifPresent(page -> page.body().path("listings").forEach(l -> titles.add(title(l))));
    return titles;
  }

  private static String title(JsonNode listing) {
    return listing.path("title").asText();
  }
}
