package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.Caller;
import dev.archway.control.Unserved;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.DomainName;
import dev.archway.model.v2.DomainName.DomainNameConfiguration;
import dev.archway.model.v2.DomainName.MutualTlsAuthentication;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateDomainName, GetDomainName, GetDomainNames, UpdateDomainName, DeleteDomainName, with AWS's
 * defaults (a regional endpoint, TLS 1.2, status AVAILABLE), in the store apigateway (v1) shares
 * ({@link DomainNames}). Requests to the name are routed by its API mappings; TLS (certificates,
 * security policy) is terminated in front of Archway, so a request for mutual TLS is refused.
 */
final class DomainNamesHandler {
  private static final Set<String> UPDATABLE = Set.of("domainNameConfigurations", "mutualTlsAuthentication", "routingMode");
  private static final List<String> ROUTING_MODES = List.of("API_MAPPING_ONLY", "ROUTING_RULE_ONLY", "ROUTING_RULE_THEN_API_MAPPING");

  private final Store store;
  private final ApiEndpoints endpoints;

  DomainNamesHandler(Store store, ApiEndpoints endpoints) {
    this.store = store;
    this.endpoints = endpoints;
  }

  record CreateRequest(
      String domainName, List<DomainNameConfiguration> domainNameConfigurations,
      MutualTlsAuthentication mutualTlsAuthentication, String routingMode, Map<String, String> tags) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    String name = Checks.required("domainName", req.domainName());
    DomainNames.checkName(name);
    Checks.tags(req.tags());
    String region = call.caller().region();
    DomainName domain = check(new DomainName("$request.basepath", name,
        "arn:aws:apigateway:" + region + "::/domainnames/" + name,
        configurations(req.domainNameConfigurations()), mutualTls(req.mutualTlsAuthentication()),
        req.routingMode() == null ? ROUTING_MODES.get(0) : req.routingMode(), req.tags() == null ? Map.of() : req.tags()));
    return store.write(docs -> {
      DomainNames.create(docs, call.caller(), domain, "The domain name resource already exists.");
      return domain;
    });
  }

  Object get(Call call) {
    return store.read(docs -> domain(docs, call.caller(), call.label("domainName")));
  }

  Object list(Call call) {
    return Page.of(store.read(docs -> docs.list(V2Kinds.DOMAIN_NAME, call.caller().scope())), call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      DomainName domain = domain(docs, call.caller(), call.label("domainName"));
      DomainName merged = Updates.merge(domain, call, UPDATABLE, DomainName.class);
      DomainName updated = check(new DomainName(merged.apiMappingSelectionExpression(), domain.domainName(),
          domain.domainNameArn(), configurations(merged.domainNameConfigurations()),
          mutualTls(merged.mutualTlsAuthentication()), merged.routingMode(), domain.tags()));
      DomainNames.update(docs, call.caller(), updated);
      return updated;
    });
  }

  /** Deletes the domain name and its API mappings. */
  Object delete(Call call) {
    return store.write(docs -> {
      DomainName domain = domain(docs, call.caller(), call.label("domainName"));
      DomainNames.delete(docs, call.caller(), domain.domainName());
      return null;
    });
  }

  static DomainName domain(Documents docs, Caller caller, String name) {
    return DomainNames.find(docs, caller, name)
        .orElseThrow(() -> ApiException.notFound("The domain name resource specified in the request was not found."));
  }

  private static DomainName check(DomainName domain) {
    Checks.oneOf("routingMode", domain.routingMode(), ROUTING_MODES);
    for (DomainNameConfiguration c : domain.domainNameConfigurations()) {
      Checks.oneOf("endpointType", c.endpointType(), List.of("REGIONAL", "EDGE"));
      Checks.oneOf("securityPolicy", c.securityPolicy(), List.of("TLS_1_0", "TLS_1_2"));
      Checks.oneOf("ipAddressType", c.ipAddressType(), List.of("ipv4", "dualstack"));
    }
    return domain;
  }

  /** The configurations with what AWS fills in (see {@link DomainNames#configured}). */
  private List<DomainNameConfiguration> configurations(List<DomainNameConfiguration> given) {
    List<DomainNameConfiguration> in = given == null || given.isEmpty()
        ? List.of(new DomainNameConfiguration(null, null, null, null, null, null, null, null, null, null, null))
        : given;
    List<DomainNameConfiguration> out = new ArrayList<>();
    for (DomainNameConfiguration c : in) {
      if (c == null) {
        throw ApiException.badRequest("Invalid domainNameConfigurations: null entry");
      }
      out.add(DomainNames.configured(endpoints, c, "REGIONAL"));
    }
    return out;
  }

  /** Client certificates would be checked by the TLS terminator in front of Archway, which Archway does not configure. */
  private static MutualTlsAuthentication mutualTls(MutualTlsAuthentication in) {
    if (in != null && in.truststoreUri() != null) {
      throw Unserved.refusal("mutualTlsAuthentication (mutual TLS: TLS is terminated in front of Archway)");
    }
    return null;
  }
}
