package app.fixmo.schemas.envelopes;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/** Makes identifiers: time-ordered UUIDs (version 7), so ids sort by creation time. */
public final class Ids {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private Ids() {}

  /** Returns a new time-ordered UUID. */
  public static UUID newId() {
    return GENERATOR.generate();
  }

  /** Returns a new time-ordered UUID as text. */
  public static String newText() {
    return newId().toString();
  }
}
