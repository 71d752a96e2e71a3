package app.fixmo.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** What the seeder made and the load tools use: signed-in providers and customers. */
record Seed(List<Provider> providers, List<Customer> customers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A seeded provider: its id, its one 15-minute listing, and its session. */
  record Provider(String providerId, String listingId, String token) {}

  /** A seeded customer and its session. */
  record Customer(String customerId, String token) {}

  /** Reads a seed written by {@link #write}. */
  static Seed read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Seed.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed " + file, e);
    }
  }

  /** Writes the seed as JSON. */
  void write(Path file) {
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the seed " + file, e);
    }
  }
}
