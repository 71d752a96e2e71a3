package app.fixmo.schemas.jobs;

/**
 * How Redis keeps a bookings export, for the two sides that share it. The edge writes the hash,
 * state {@value #PENDING}, when it accepts the request, and serves the hash and the CSV to the
 * provider; the worker that builds the CSV stores it and marks the hash {@value #READY}.
 *
 * <p>An export is two keys: the hash under {@link #keyName} and the CSV under {@link #csvKeyName}.
 * The braces in both put them in one slot of a Redis cluster, so one script can write them
 * together. Names are before the namespace prefix.
 */
public final class ExportHash {

  /** Field: the export's id. */
  public static final String EXPORT_ID = "exportId";

  /** Field: the provider whose bookings it holds, the only account that may see it. */
  public static final String PROVIDER_ID = "providerId";

  /** Field: {@value #PENDING} or {@value #READY}. */
  public static final String STATE = "state";

  /** Field: when the provider asked for it. */
  public static final String REQUESTED_AT = "requestedAt";

  /** Field: when it was built. */
  public static final String READY_AT = "readyAt";

  /** Field: when Redis forgets it. */
  public static final String EXPIRES_AT = "expiresAt";

  /** Field: bookings in the CSV, the header not counted. */
  public static final String ROWS = "rows";

  /** Field: the CSV's size in bytes. */
  public static final String BYTES = "bytes";

  /** State: accepted, not built yet. */
  public static final String PENDING = "pending";

  /** State: built; the CSV is there. */
  public static final String READY = "ready";

  private ExportHash() {}

  /** Returns the name of an export's hash. */
  public static String keyName(String exportId) {
    return "export:{" + exportId + "}";
  }

  /** Returns the name of an export's CSV. */
  public static String csvKeyName(String exportId) {
    return keyName(exportId) + ":csv";
  }
}
