package app.fixmo.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft log directory, as {@code kafka-storage.sh format} does. */
final class StorageFormatter {

  private static final Logger log = LoggerFactory.getLogger(StorageFormatter.class);

  private StorageFormatter() {}

  /**
   * Formats the log directory, unless it already is, and writes the configuration file.
   *
   * <p>A formatted directory keeps its cluster id and its records, which is what lets a broker
   * restart on the same data. It is not handed to the tool again: even with {@code
   * --ignore-formatted} the tool leaves a new cluster id behind, which the broker then refuses.
   */
  static void formatUnlessFormatted(Properties props, Path logDir, Path configFile) {
    write(props, configFile);
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }

    String[] args = {
      "format",
      "--config",
      configFile.toString(),
      "--cluster-id",
      Uuid.randomUuid().toString(),
      // Share groups are switched on by this feature, written into the metadata at format time.
      "--feature",
      "share.version=2"
    };
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(args, out);
    }

    String text = output.toString(StandardCharsets.UTF_8).strip();
    if (exitCode != 0) {
      throw new IllegalStateException(
          "formatting the Kafka log directory failed with exit code " + exitCode + ": " + text);
    }
    log.debug("Formatted log directory: {}", text);
  }

  private static void write(Properties props, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "written by fixmo-embedded on every start");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker configuration " + file, e);
    }
  }
}
