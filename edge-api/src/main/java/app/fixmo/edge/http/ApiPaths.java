package app.fixmo.edge.http;

/** Which paths are the API proper, as against the operations endpoints for probes and scrapers. */
public final class ApiPaths {

  private ApiPaths() {}

  /**
   * Tells whether a path is a health probe or the metrics scrape, which no limit or ETag touches.
   */
  public static boolean isOperational(String path) {
    return path.startsWith("/api/health") || path.equals("/api/metrics");
  }
}
