package dev.archway.auth.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block for {@code aws:SourceIp}: {@code 192.0.2.0/24}, {@code 2001:db8::/32},
 * or a single address. Only literals are parsed: a host name is refused, never resolved.
 */
public final class CidrBlock {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;
  private final String source;

  private CidrBlock(byte[] network, int prefix, String source) {
    this.network = network;
    this.prefix = prefix;
    this.source = source;
  }

  /** @throws IllegalArgumentException naming the value and the expected form */
  public static CidrBlock parse(String value) {
    String text = value == null ? "" : value.trim();
    int slash = text.indexOf('/');
    byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("aws:SourceIp: " + value + " (expected: an IP address or CIDR block such as 192.0.2.0/24)");
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("aws:SourceIp: " + value + " (expected: a prefix length 0.." + bits + ")");
      }
    }
    return new CidrBlock(address, prefix, text);
  }

  /** Whether {@code ip} (a literal address, or null when unknown) lies in this block. */
  public boolean contains(String ip) {
    return contains(ip == null ? null : literal(ip));
  }

  /** Whether {@code address} lies in this block. */
  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  /** The number of leading bits that name the block: the longer, the more specific. */
  public int prefix() {
    return prefix;
  }

  private boolean contains(byte[] address) {
    if (address == null) {
      return false;
    }
    if (address.length != network.length) {
      address = ipv4Mapped(address, network.length);
      if (address == null) {
        return false;
      }
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }

  /** {@code ::ffff:a.b.c.d} and {@code a.b.c.d} are the same client. */
  private static byte[] ipv4Mapped(byte[] address, int wanted) {
    if (address.length == 16 && wanted == 4) {
      for (int i = 0; i < 10; i++) {
        if (address[i] != 0) {
          return null;
        }
      }
      if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
        return null;
      }
      return new byte[] {address[12], address[13], address[14], address[15]};
    }
    return null;
  }

  private static byte[] literal(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        for (String part : text.split("\\.")) {
          if (Integer.parseInt(part) > 255) {
            return null;
          }
        }
        return InetAddress.getByName(text).getAddress();
      }
      // A string with ':' is parsed as an IPv6 literal by the JDK, never looked up in DNS.
      if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
        return InetAddress.getByName(text).getAddress();
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  @Override
  public String toString() {
    return source;
  }
}
