package app.fixmo.platform.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Parsers for setting values; each failure says what a right value looks like. */
final class Parsers {

  private Parsers() {}

  static Function<String, Integer> intBetween(int min, int max) {
    return text -> {
      int value;
      try {
        value = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be from " + min + " to " + max);
      }
      return value;
    };
  }

  static Function<String, Boolean> bool() {
    return text ->
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
          case "true", "1", "yes" -> true;
          case "false", "0", "no", "" -> false;
          default -> throw new IllegalArgumentException("must be true or false");
        };
  }

  static Function<String, String> text() {
    return text -> text;
  }

  static Function<String, String> nonEmpty() {
    return text -> {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("must not be empty");
      }
      return text;
    };
  }

  static Function<String, String> namespace() {
    return text -> {
      if (!text.matches("[a-z0-9-]{0,40}")) {
        throw new IllegalArgumentException("must be up to 40 of a-z, 0-9 and '-'");
      }
      return text;
    };
  }

  static Function<String, String> bootstrap() {
    return text -> {
      if (text.isEmpty()) {
        return text;
      }
      for (String server : text.split(",")) {
        if (!server.strip().matches("[^:\\s]+:\\d{1,5}")) {
          throw new IllegalArgumentException("must be host:port[,host:port…]");
        }
      }
      return text;
    };
  }

  static Function<String, String> redisUrl() {
    return text -> {
      if (text.isEmpty()) {
        return text;
      }
      URI uri;
      try {
        uri = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("must be a URL like redis://host:6379");
      }
      if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getPort() < 0) {
        throw new IllegalArgumentException("must be a URL like redis://host:6379");
      }
      return text;
    };
  }

  static Function<String, List<Cidr>> cidrs() {
    return text ->
        Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .map(Cidr::parse)
            .toList();
  }

  static Function<String, ZoneId> zone() {
    return text -> {
      try {
        return ZoneId.of(text);
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("must be a time zone id like Asia/Manila");
      }
    };
  }
}
