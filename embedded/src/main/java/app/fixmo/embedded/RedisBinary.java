package app.fixmo.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import redis.embedded.core.ExecutableProvider;

/** Finds a {@code redis-server} executable: the one on the PATH, else one shipped in a jar. */
final class RedisBinary {

  private static final String NAME = "redis-server";

  private static Path located;

  private RedisBinary() {}

  /** Returns the executable, looking it up once per JVM. */
  static synchronized Path locate() {
    if (located == null) {
      located = onPath(System.getenv("PATH")).orElseGet(RedisBinary::fromJar);
    }
    return located;
  }

  /** Returns the first executable {@code redis-server} in a PATH-style list of directories. */
  static Optional<Path> onPath(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, NAME))
        .filter(Files::isExecutable)
        .findFirst();
  }

  // The embedded-redis jar carries a 6.2 build for common platforms and copies it to a
  // temporary file on first use.
  private static Path fromJar() {
    try {
      return ExecutableProvider.newJarResourceProvider().get().toPath();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no redis-server on the PATH and none usable in the embedded-redis jar", e);
    }
  }
}
