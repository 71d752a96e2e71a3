package app.fixmo.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}. */
public record Cidr(byte[] network, int prefixLength) {

  /** Parses {@code address/prefix}, or a single address. */
  public static Cidr parse(String text) {
    String[] parts = text.split("/", 2);
    byte[] address = literal(parts[0]);
    int prefix = parts.length == 2 ? prefix(parts[1], address.length * 8) : address.length * 8;
    return new Cidr(address, prefix);
  }

  /** Tells whether an address lies inside this range. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int restBits = prefixLength % 8;
    if (restBits == 0) {
      return true;
    }
    int mask = 0xFF << (8 - restBits) & 0xFF;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  private static byte[] literal(String text) {
    if (!text.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
  }

  private static int prefix(String text, int maxBits) {
    try {
      int prefix = Integer.parseInt(text);
      if (prefix >= 0 && prefix <= maxBits) {
        return prefix;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not a prefix length 0-" + maxBits);
  }
}
