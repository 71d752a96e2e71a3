package app.fixmo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks TCP ports on the loopback address that nothing listens on. */
final class FreePorts {

  private FreePorts() {}

  /**
   * Returns a port that was free a moment ago.
   *
   * <p>Another process may take it before the caller binds it; on one machine running tests that
   * race is rare enough to accept.
   */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback address", e);
    }
  }

  /** Returns the given port, or a free one when it is 0. */
  static int orFree(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
    }
    return port == 0 ? pick() : port;
  }
}
