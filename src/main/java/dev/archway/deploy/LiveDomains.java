package dev.archway.deploy;

import dev.archway.runtime.CustomDomain;
import dev.archway.runtime.DomainLookup;
import java.util.Locale;
import java.util.Map;

/**
 * The custom domain names being served, by name: one immutable map behind one volatile field, so
 * switching a mapping (blue-green) is one swap and every request sees the old mappings or the new.
 */
public final class LiveDomains implements DomainLookup {
  private volatile Map<String, CustomDomain> domains = Map.of();

  /**
   * The domain the Host names: its name exactly, else the closest wildcard name above it
   * ({@code *.example.com} for {@code a.example.com}); a port is ignored, and so is letter case.
   */
  @Override
  public CustomDomain find(String host) {
    Map<String, CustomDomain> all = domains;
    if (all.isEmpty() || host == null) {
      return null;
    }
    int colon = host.lastIndexOf(':');
    String name = colon > 0 && host.charAt(0) != '[' ? host.substring(0, colon) : host;
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      name = name.toLowerCase(Locale.ROOT);
    }
    CustomDomain exact = all.get(name);
    if (exact != null) {
      return exact;
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      CustomDomain wildcard = all.get("*" + name.substring(dot));
      if (wildcard != null) {
        return wildcard;
      }
    }
    return null;
  }

  /** Replaces every domain name in one swap. */
  public void publish(Map<String, CustomDomain> byName) {
    domains = Map.copyOf(byName);
  }

  @Override
  public String toString() {
    return "LiveDomains(" + domains.size() + " domain names)";
  }
}
