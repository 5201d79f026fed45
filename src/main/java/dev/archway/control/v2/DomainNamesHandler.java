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
import java.util.regex.Pattern;

/**
 * CreateDomainName, GetDomainName, GetDomainNames, UpdateDomainName, DeleteDomainName. Stored and
 * returned with AWS's defaults (a regional endpoint, TLS 1.2, status AVAILABLE); not served yet
 * (see {@link Unserved}).
 */
final class DomainNamesHandler {
  private static final Pattern NAME = Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Set<String> UPDATABLE = Set.of("domainNameConfigurations", "mutualTlsAuthentication", "routingMode");
  private static final List<String> ROUTING_MODES = List.of("API_MAPPING_ONLY", "ROUTING_RULE_ONLY", "ROUTING_RULE_THEN_API_MAPPING");

  /**
   * AVAILABLE, as tools wait for it (Terraform polls until it reads so), but the status message
   * says what the WARN line at creation said: Archway routes nothing by custom domain names yet.
   */
  static final String NOT_SERVED = "Archway does not serve custom domain names yet: call each API at its own endpoint";

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
    if (name.length() > 512 || !NAME.matcher(name).matches()) {
      throw ApiException.badRequest("Invalid domainName: " + Checks.abbreviate(name) + " (expected: a lower-case DNS name)");
    }
    Checks.tags(req.tags());
    String region = call.caller().region();
    DomainName domain = check(new DomainName("$request.basepath", name,
        "arn:aws:apigateway:" + region + "::/domainnames/" + name,
        configurations(req.domainNameConfigurations()), mutualTls(req.mutualTlsAuthentication()),
        req.routingMode() == null ? ROUTING_MODES.get(0) : req.routingMode(), req.tags() == null ? Map.of() : req.tags()));
    DomainName created = store.write(docs -> {
      if (docs.get(V2Kinds.DOMAIN_NAME, call.caller().scope(), name).isPresent()) {
        throw ApiException.conflict("The domain name resource already exists.");
      }
      docs.put(V2Kinds.DOMAIN_NAME, call.caller().scope(), name, domain);
      return domain;
    });
    new Unserved.Ignored("domain name " + name).customDomain().warn();
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> domain(docs, call.caller(), call.label("domainName")));
  }

  Object list(Call call) {
    return Page.of(store.read(docs -> docs.list(V2Kinds.DOMAIN_NAME, call.caller().scope())), call);
  }

  Object update(Call call) {
    DomainName written = store.write(docs -> {
      DomainName domain = domain(docs, call.caller(), call.label("domainName"));
      DomainName merged = Updates.merge(domain, call, UPDATABLE, DomainName.class);
      DomainName updated = check(new DomainName(merged.apiMappingSelectionExpression(), domain.domainName(),
          domain.domainNameArn(), configurations(merged.domainNameConfigurations()),
          mutualTls(merged.mutualTlsAuthentication()), merged.routingMode(), domain.tags()));
      docs.put(V2Kinds.DOMAIN_NAME, call.caller().scope(), domain.domainName(), updated);
      return updated;
    });
    new Unserved.Ignored("domain name " + written.domainName()).customDomain().warn();
    return written;
  }

  /** Deletes the domain name and its API mappings. */
  Object delete(Call call) {
    return store.write(docs -> {
      DomainName domain = domain(docs, call.caller(), call.label("domainName"));
      docs.deleteScope(ApiMappingsHandler.scope(call.caller(), domain.domainName()));
      docs.delete(V2Kinds.DOMAIN_NAME, call.caller().scope(), domain.domainName());
      return null;
    });
  }

  static DomainName domain(Documents docs, Caller caller, String name) {
    return docs.get(V2Kinds.DOMAIN_NAME, caller.scope(), name)
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

  /**
   * The configurations with what AWS fills in: a regional endpoint of its own (here a host of
   * {@code --public-url}, named like AWS's {@code d-...}), TLS 1.2, AVAILABLE.
   */
  private List<DomainNameConfiguration> configurations(List<DomainNameConfiguration> given) {
    List<DomainNameConfiguration> in = given == null || given.isEmpty()
        ? List.of(new DomainNameConfiguration(null, null, null, null, null, null, null, null, null, null, null))
        : given;
    List<DomainNameConfiguration> out = new ArrayList<>();
    for (DomainNameConfiguration c : in) {
      if (c == null) {
        throw ApiException.badRequest("Invalid domainNameConfigurations: null entry");
      }
      out.add(new DomainNameConfiguration(
          c.apiGatewayDomainName() == null ? endpoints.url().domainName("d-" + V2Ids.apiId()) : c.apiGatewayDomainName(),
          c.certificateArn(), c.certificateName(), c.certificateUploadDate(), "AVAILABLE", NOT_SERVED,
          c.endpointType() == null ? "REGIONAL" : c.endpointType(),
          c.hostedZoneId() == null ? "Z1UJRXOUMOOFQ8" : c.hostedZoneId(),
          c.ipAddressType() == null ? "ipv4" : c.ipAddressType(),
          c.securityPolicy() == null ? "TLS_1_2" : c.securityPolicy(), c.ownershipVerificationCertificateArn()));
    }
    return out;
  }

  private static MutualTlsAuthentication mutualTls(MutualTlsAuthentication in) {
    return in == null || in.truststoreUri() == null ? null
        : new MutualTlsAuthentication(in.truststoreUri(), in.truststoreVersion(), null);
  }
}
