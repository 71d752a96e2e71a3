package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Seeds providers and customers through the API and writes what it made to {@code seed.json} and
 * the provider ids, one a line, to {@code provider-ids.txt} (for wrk's page script).
 *
 * <p>Usage: {@code SeedMain <api base URL> <providers> <customers> <output directory>}. Exits 1
 * with the exact request and response when the API answers anything unexpected.
 */
public final class SeedMain {

  // Registration and login hash with Argon2id, 19 MiB of the edge's heap each at the default
  // cost: one call at a time keeps the edge's small heap safe, and the seeding short anyway.
  private static final int PARALLEL_CALLS = 1;

  private SeedMain() {}

  /** Seeds, checks every provider page, and writes the seed files. */
  public static void main(String[] args) throws IOException {
    String api = args[0];
    int providers = Integer.parseInt(args[1]);
    int customers = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    Seeder seeder = new Seeder(new ApiClient(api), Long.toString(System.currentTimeMillis(), 36));

    long started = System.nanoTime();
    try {
      List<Seed.Provider> seededProviders = seed(providers, seeder::provider);
      List<Seed.Customer> seededCustomers = seed(customers, seeder::customer);
      checkPages(seeder, seededProviders);
      write(out, new Seed(seededProviders, seededCustomers));
    } catch (RuntimeException e) {
      System.err.println("seeding failed: " + e.getMessage());
      System.exit(1);
    }
    System.out.printf(
        "seeded %d providers and %d customers in %.1f s%n",
        providers, customers, (System.nanoTime() - started) / 1e9);
  }

  // The first failure stops the rest: a broken route would otherwise fail every account in turn.
  private static <T> List<T> seed(int count, IntFunction<T> one) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        int number = n;
        futures.add(pool.submit(() -> one.apply(number)));
      }
      List<T> seeded = new ArrayList<>();
      for (Future<T> future : futures) {
        seeded.add(result(future));
      }
      return seeded;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    }
  }

  // A 201 means the views are stored, so each page must show its listing and open slots now.
  private static void checkPages(Seeder seeder, List<Seed.Provider> providers) {
    for (Seed.Provider provider : providers) {
      JsonNode page = seeder.page(provider.providerId());
      if (!page.path("listings").toString().contains(provider.listingId())
          || page.path("openSlots").isEmpty()) {
        throw new IllegalStateException(
            "the page of provider "
                + provider.providerId()
                + " lacks listing "
                + provider.listingId()
                + " or open slots right after seeding: "
                + page);
      }
    }
  }

  private static void write(Path out, Seed seed) throws IOException {
    Files.createDirectories(out);
    seed.write(out.resolve("seed.json"));
    List<String> ids = seed.providers().stream().map(Seed.Provider::providerId).toList();
    Files.write(out.resolve("provider-ids.txt"), ids);
  }
}
