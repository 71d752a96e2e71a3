package app.fixmo.benchmarks;

/**
 * The client addresses the load tools claim in {@code X-Forwarded-For}, so that each simulated
 * client meets the edge's per-address limits as a real one would.
 *
 * <p>They come from 198.18.0.0/15, the block RFC 2544 sets aside for benchmarks: they only ever
 * appear in a header, never as a destination. wrk's page script uses 198.18.0.0/16; the Java tools
 * share 198.19.0.0/16, split below so that seeding and bookings never meet.
 */
final class ClientAddresses {

  /** Addresses for seeding requests: 198.19.240.0 to 198.19.255.255. */
  static final ClientAddresses SEEDING = new ClientAddresses(240, 16);

  /** Addresses for booking requests: 198.19.0.0 to 198.19.239.255. */
  static final ClientAddresses BOOKINGS = new ClientAddresses(0, 240);

  private final int firstBlock;
  private final int blocks;

  private ClientAddresses(int firstBlock, int blocks) {
    this.firstBlock = firstBlock;
    this.blocks = blocks;
  }

  /** Returns the n-th address of the range, wrapping around past its end. */
  String of(long n) {
    long index = Math.floorMod(n, (long) blocks * 256);
    return "198.19." + (firstBlock + index / 256) + "." + (index % 256);
  }
}
