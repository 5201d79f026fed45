package dev.archway.control.v2;

import dev.archway.control.Caller;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.ApiMapping;
import dev.archway.model.v2.DomainName;
import dev.archway.model.v2.DomainName.DomainNameConfiguration;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one store of custom domain names and their mappings, which both management APIs see, as on
 * AWS: a domain name made with apigateway (v1) is the same resource apigatewayv2 reads, and a base
 * path mapping is an API mapping ({@code (none)} is the empty key). Stored as
 * {@link DomainName} and {@link ApiMapping}; each API renders them in its own shape. Names are
 * unique across the server, because requests are routed by them.
 */
public final class DomainNames {
  private static final Pattern NAME = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  /** AWS's hosted zones of regional endpoints (us-east-1) and of CloudFront, which edge-optimized names use. */
  static final String REGIONAL_ZONE = "Z1UJRXOUMOOFQ8";
  static final String EDGE_ZONE = "Z2FDTNDATAQYW2";

  private DomainNames() {}

  /** A lower-case DNS name, optionally a wildcard ({@code *.example.com}), of at most 512 characters. */
  public static void checkName(String name) {
    if (name.length() > 512 || !NAME.matcher(name).matches()) {
      throw ApiException.badRequest("Invalid domainName: " + Checks.abbreviate(name) + " (expected: a lower-case DNS name)");
    }
  }

  /** The caller's domain name of that name, if any. */
  public static Optional<DomainName> find(Documents docs, Caller caller, String name) {
    return name == null ? Optional.empty() : docs.get(V2Kinds.DOMAIN_NAME, caller.scope(), name);
  }

  /** The caller's domain names. */
  public static List<DomainName> list(Documents docs, Caller caller) {
    return docs.list(V2Kinds.DOMAIN_NAME, caller.scope());
  }

  /** Stores a new domain name; {@code taken} is the caller API's 409 message when any account has the name. */
  public static void create(Documents docs, Caller caller, DomainName domain, String taken) {
    if (docs.scopeOf(V2Kinds.DOMAIN_NAME, domain.domainName()).isPresent()) {
      throw ApiException.conflict(taken);
    }
    docs.put(V2Kinds.DOMAIN_NAME, caller.scope(), domain.domainName(), domain);
  }

  /** Replaces a domain name's settings. */
  public static void update(Documents docs, Caller caller, DomainName domain) {
    docs.put(V2Kinds.DOMAIN_NAME, caller.scope(), domain.domainName(), domain);
  }

  /** Deletes the domain name and its mappings. */
  public static void delete(Documents docs, Caller caller, String name) {
    docs.deleteScope(mappingScope(caller, name));
    docs.delete(V2Kinds.DOMAIN_NAME, caller.scope(), name);
  }

  /** Mappings live in the scope of their domain name, which lives in the caller's account and region. */
  public static String mappingScope(Caller caller, String domainName) {
    return V2Kinds.mappingScope(caller.scope(), domainName);
  }

  public static List<ApiMapping> mappings(Documents docs, Caller caller, String domainName) {
    return docs.list(V2Kinds.API_MAPPING, mappingScope(caller, domainName));
  }

  public static void putMapping(Documents docs, Caller caller, String domainName, ApiMapping mapping) {
    docs.put(V2Kinds.API_MAPPING, mappingScope(caller, domainName), mapping.apiMappingId(), mapping);
  }

  public static void deleteMapping(Documents docs, Caller caller, String domainName, ApiMapping mapping) {
    docs.delete(V2Kinds.API_MAPPING, mappingScope(caller, domainName), mapping.apiMappingId());
  }

  /**
   * A mapping's key: up to 128 characters without a leading, trailing or doubled {@code /}
   * ({@code orders/v1} is a multi-level base path), unique on its domain.
   *
   * @param taken the caller API's 409 message for a key the domain maps already
   */
  public static void checkKey(Documents docs, Caller caller, String domainName, ApiMapping mapping, String taken) {
    String key = mapping.apiMappingKey();
    if (key.startsWith("/") || key.contains("//") || key.endsWith("/") || key.length() > 128
        || !key.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '?' && c != '#' && c != '%')) {
      throw ApiException.badRequest("Invalid apiMappingKey: " + Checks.abbreviate(key)
          + " (expected: up to 128 characters, no leading, trailing or consecutive '/')");
    }
    for (ApiMapping other : mappings(docs, caller, domainName)) {
      if (!other.apiMappingId().equals(mapping.apiMappingId()) && other.apiMappingKey().equals(key)) {
        throw ApiException.conflict(taken);
      }
    }
  }

  /**
   * A configuration with what AWS fills in: an endpoint of its own (here a host of
   * {@code --public-url}, named like AWS's {@code d-...}), the hosted zone of its endpoint type,
   * TLS 1.2, and AVAILABLE, which is true: Archway routes the name's requests from its creation.
   */
  public static DomainNameConfiguration configured(ApiEndpoints endpoints, DomainNameConfiguration c, String defaultType) {
    String type = c.endpointType() == null ? defaultType : c.endpointType();
    return new DomainNameConfiguration(
        c.apiGatewayDomainName() == null ? endpoints.url().domainName("d-" + V2Ids.apiId()) : c.apiGatewayDomainName(),
        c.certificateArn(), c.certificateName(), c.certificateUploadDate(), "AVAILABLE", null, type,
        c.hostedZoneId() == null ? ("EDGE".equals(type) ? EDGE_ZONE : REGIONAL_ZONE) : c.hostedZoneId(),
        c.ipAddressType() == null ? "ipv4" : c.ipAddressType(),
        c.securityPolicy() == null ? "TLS_1_2" : c.securityPolicy(), c.ownershipVerificationCertificateArn());
  }
}
