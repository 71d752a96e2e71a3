package app.fixmo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code key=value} figures read from a file of a run (facts, wrk's results, the booking load's
 * figures), in file order. Lines without {@code =} are skipped, so wrk's own summary can sit in the
 * same file as the figures its script prints.
 */
final class Figures {

  private final Map<String, String> values;

  private Figures(Map<String, String> values) {
    this.values = values;
  }

  /** Reads the figures of a file, keeping only keys that start with {@code prefix}. */
  static Figures read(Path file, String prefix) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        int equals = line.indexOf('=');
        if (equals > 0 && line.startsWith(prefix)) {
          values.put(line.substring(prefix.length(), equals).strip(), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run file " + file, e);
    }
    return new Figures(values);
  }

  /** Returns a figure as text; fails naming the key when it is missing. */
  String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("the run recorded no figure '" + key + "'");
    }
    return value.strip();
  }

  /** Returns a figure as a number. */
  double number(String key) {
    return Double.parseDouble(text(key));
  }

  /** Returns a figure as a number, or {@code fallback} when it is missing. */
  double number(String key, double fallback) {
    return values.containsKey(key) ? number(key) : fallback;
  }

  /** Returns every figure whose key starts with {@code prefix}, the prefix cut off. */
  Map<String, String> startingWith(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            found.put(key.substring(prefix.length()), value.strip());
          }
        });
    return found;
  }
}
