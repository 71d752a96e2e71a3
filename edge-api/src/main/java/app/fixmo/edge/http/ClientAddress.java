package app.fixmo.edge.http;

import app.fixmo.platform.config.Cidr;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the address of the client behind a request. The socket peer is the client, unless the peer
 * is a trusted proxy (Nginx beside the edge): then the client is the right-most address in {@code
 * X-Forwarded-For} that is not itself a trusted proxy. Addresses further left were written by the
 * client and prove nothing.
 */
public final class ClientAddress {

  private final List<Cidr> trustedProxies;

  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** Returns the client's address as text. */
  public String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (!isTrusted(peer)) {
      return peer;
    }
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  private boolean isTrusted(String address) {
    InetAddress parsed = parse(address);
    return parsed != null && trustedProxies.stream().anyMatch(range -> range.contains(parsed));
  }

  private static InetAddress parse(String address) {
    if (address == null || !address.matches("[0-9a-fA-F:.]{2,45}")) {
      return null;
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
