package dev.archway.integration;

import dev.archway.auth.policy.CidrBlock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where integrations, Lambda authorizers and JWKS fetches may connect. Always refused, whatever
 * the lists say: the management listener (an HTTP_PROXY to it would serve the management API on
 * the public port), link-local addresses (169.254.0.0/16, fe80::/10: instance metadata services),
 * the unspecified address (0.0.0.0 and :: reach this host) and the cloud metadata services' names
 * and other addresses. Anything else is allowed (local backends are the common case) unless a
 * {@code --egress-deny} block holds it; an {@code --egress-allow} block re-allows. When blocks of
 * both lists hold an address, the more specific one (the longer prefix) decides; on a tie, allow.
 * Callers check the address they then connect to, so no DNS answer can change in between.
 */
public final class EgressPolicy {
  public static final EgressPolicy DEFAULT = new EgressPolicy(List.of(), List.of(), null);

  private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
      "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "api.metadata.cloud.ibm.com");
  /** Metadata services outside link-local: AWS's IPv6 endpoint and Alibaba Cloud's. */
  private static final List<CidrBlock> METADATA_ADDRESSES = List.of(CidrBlock.parse("fd00:ec2::254"),
      CidrBlock.parse("100.100.100.200"));

  private final List<CidrBlock> deny;
  private final List<CidrBlock> allow;
  private final InetSocketAddress managementListener;

  private EgressPolicy(List<CidrBlock> deny, List<CidrBlock> allow, InetSocketAddress managementListener) {
    this.deny = List.copyOf(deny);
    this.allow = List.copyOf(allow);
    this.managementListener = managementListener;
  }

  /**
   * The policy of {@code --egress-deny} and {@code --egress-allow}: comma-separated CIDR blocks, blank for none.
   *
   * @throws IllegalArgumentException naming the flag and the value
   */
  public static EgressPolicy of(String deny, String allow) {
    return new EgressPolicy(blocks("--egress-deny", deny), blocks("--egress-allow", allow), null);
  }

  /** The same policy, refusing also the management listener bound at {@code address}. */
  public EgressPolicy withManagementListener(InetSocketAddress address) {
    return new EgressPolicy(deny, allow, address);
  }

  /** Why a connection to {@code host} (a name or a literal address) is refused before it is resolved, or null. */
  public String refusal(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return METADATA_NAMES.contains(name) ? host + " is a cloud metadata service" : null;
  }

  /** Why a connection to {@code address} is refused, or null when it is allowed. */
  public String refusal(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip.isLinkLocalAddress()) {
      return ip.getHostAddress() + " is link-local (169.254.0.0/16, fe80::/10: instance metadata)";
    }
    if (ip.isAnyLocalAddress()) {
      return ip.getHostAddress() + " is the unspecified address";
    }
    if (METADATA_ADDRESSES.stream().anyMatch(block -> block.contains(ip))) {
      return ip.getHostAddress() + " is a cloud metadata service";
    }
    if (isManagementListener(ip, address.getPort())) {
      return ip.getHostAddress() + ":" + address.getPort() + " is Archway's management listener";
    }
    CidrBlock denied = mostSpecific(deny, ip);
    CidrBlock allowed = mostSpecific(allow, ip);
    if (denied != null && (allowed == null || allowed.prefix() < denied.prefix())) {
      return ip.getHostAddress() + " is in --egress-deny " + denied;
    }
    return null;
  }

  /** The listener's own address, or, when it listens on every address, any address of this host. */
  private boolean isManagementListener(InetAddress ip, int port) {
    if (managementListener == null || port != managementListener.getPort()) {
      return false;
    }
    InetAddress bound = managementListener.getAddress();
    if (ip.isLoopbackAddress() || ip.equals(bound)) {
      return true;
    }
    try {
      return bound != null && bound.isAnyLocalAddress() && NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return true; // cannot tell: refuse
    }
  }

  private static CidrBlock mostSpecific(List<CidrBlock> blocks, InetAddress ip) {
    CidrBlock best = null;
    for (CidrBlock block : blocks) {
      if (block.contains(ip) && (best == null || block.prefix() > best.prefix())) {
        best = block;
      }
    }
    return best;
  }

  private static List<CidrBlock> blocks(String flag, String text) {
    List<CidrBlock> out = new ArrayList<>();
    for (String part : text == null ? new String[0] : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        out.add(CidrBlock.parse(part.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(flag + ": " + part.trim()
            + " (expected: comma-separated CIDR blocks or addresses, such as 10.0.0.0/8,fd00::/8)");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "EgressPolicy(deny=" + deny + ", allow=" + allow
        + (managementListener == null ? "" : ", management listener " + managementListener) + ")";
  }
}
