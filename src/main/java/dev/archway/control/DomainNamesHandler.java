package dev.archway.control;

import dev.archway.control.v2.ApiEndpoints;
import dev.archway.control.v2.DomainNames;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.RestApi.EndpointConfiguration;
import dev.archway.model.v2.DomainName;
import dev.archway.model.v2.DomainName.DomainNameConfiguration;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import java.util.List;
import java.util.Map;

/**
 * CreateDomainName, GetDomainName, GetDomainNames, UpdateDomainName, DeleteDomainName of
 * apigateway (v1), over the domain names apigatewayv2 sees ({@link DomainNames}): one resource, two
 * shapes. An edge-optimized name's certificate is {@code certificateArn}/{@code certificateName},
 * a regional one's {@code regionalCertificateArn}/{@code regionalCertificateName}; both are
 * accepted and reported, and TLS is terminated in front of Archway. What Archway cannot honour is
 * refused: uploaded certificates and keys, mutual TLS, private domain names.
 */
final class DomainNamesHandler {
  static final String NOT_FOUND = "Invalid domain name identifier specified";
  private static final PatchRules RULES = PatchRules.builder()
      .string("certificateName").string("certificateArn").string("regionalCertificateName")
      .string("regionalCertificateArn").string("securityPolicy").string("ownershipVerificationCertificateArn")
      .string("routingMode").stringList("endpointConfiguration/types").string("endpointConfiguration/ipAddressType")
      .build();

  private final Store store;
  private final ApiEndpoints endpoints;

  /** @param endpoints names each domain's own endpoint ({@code d-....execute-api.localhost}) after {@code --public-url} */
  DomainNamesHandler(Store store, ApiEndpoints endpoints) {
    this.store = store;
    this.endpoints = endpoints;
  }

  record CreateRequest(
      String domainName, String certificateName, String certificateBody, String certificatePrivateKey,
      String certificateChain, String certificateArn, String regionalCertificateName, String regionalCertificateArn,
      EndpointConfiguration endpointConfiguration, Map<String, String> tags, String securityPolicy,
      String endpointAccessMode, Object mutualTlsAuthentication, String ownershipVerificationCertificateArn,
      String policy, String routingMode) {}

  /** The v1 wire shape of a domain name. */
  record View(
      String domainName, String domainNameArn, String certificateName, String certificateArn,
      String regionalDomainName, String regionalHostedZoneId, String regionalCertificateName,
      String regionalCertificateArn, String distributionDomainName, String distributionHostedZoneId,
      EndpointConfiguration endpointConfiguration, String domainNameStatus, String securityPolicy,
      Map<String, String> tags, String ownershipVerificationCertificateArn, String routingMode) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.domainName() == null) {
      throw ApiException.badRequest("Domain name must be specified");
    }
    DomainNames.checkName(req.domainName());
    refuseUnserved(req);
    String type = type(req.endpointConfiguration());
    boolean edge = type.equals("EDGE");
    String ipAddressType = req.endpointConfiguration() == null ? null : req.endpointConfiguration().ipAddressType();
    DomainNameConfiguration configuration = DomainNames.configured(endpoints,
        new DomainNameConfiguration(null, edge ? req.certificateArn() : req.regionalCertificateArn(),
            edge ? req.certificateName() : req.regionalCertificateName(), null, null, null, type, null,
            ipAddressType, req.securityPolicy(), req.ownershipVerificationCertificateArn()), type);
    DomainName domain = new DomainName("$request.basepath", req.domainName(),
        "arn:aws:apigateway:" + call.caller().region() + "::/domainnames/" + req.domainName(), List.of(configuration),
        null, req.routingMode() == null ? "API_MAPPING_ONLY" : req.routingMode(),
        req.tags() == null ? Map.of() : req.tags());
    return view(store.write(docs -> {
      DomainNames.create(docs, call.caller(), domain, "The domain name you provided already exists.");
      return domain;
    }));
  }

  Object get(Call call) {
    return view(store.read(docs -> domain(docs, call)));
  }

  Object list(Call call) {
    List<View> all = store.read(docs -> DomainNames.list(docs, call.caller())).stream().map(DomainNamesHandler::view).toList();
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  /** The certificate, security policy and endpoint type paths; switching EDGE to REGIONAL moves the certificate members. */
  Object update(Call call) {
    return view(store.write(docs -> {
      DomainName domain = domain(docs, call);
      View patched = Drafts.patch(view(domain), call, RULES, View.class);
      String type = type(patched.endpointConfiguration());
      boolean edge = type.equals("EDGE");
      DomainNameConfiguration current = domain.domainNameConfigurations().get(0);
      DomainNameConfiguration configuration = DomainNames.configured(endpoints, new DomainNameConfiguration(
          current.apiGatewayDomainName(), edge ? patched.certificateArn() : patched.regionalCertificateArn(),
          edge ? patched.certificateName() : patched.regionalCertificateName(), current.certificateUploadDate(), null,
          null, type, null, patched.endpointConfiguration().ipAddressType(), patched.securityPolicy(),
          patched.ownershipVerificationCertificateArn()), type);
      DomainName updated = new DomainName(domain.apiMappingSelectionExpression(), domain.domainName(),
          domain.domainNameArn(), List.of(configuration), null, patched.routingMode(), domain.tags());
      DomainNames.update(docs, call.caller(), updated);
      return updated;
    }));
  }

  Object delete(Call call) {
    return store.write(docs -> {
      DomainNames.delete(docs, call.caller(), domain(docs, call).domainName());
      return null;
    });
  }

  static DomainName domain(Documents docs, Call call) {
    return DomainNames.find(docs, call.caller(), call.label("domain_name"))
        .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
  }

  /** One endpoint type, EDGE unless named; private domain names are refused (they would be served to everyone). */
  private static String type(EndpointConfiguration endpoint) {
    List<String> types = endpoint == null || endpoint.types() == null || endpoint.types().isEmpty()
        ? List.of("EDGE") : endpoint.types();
    if (types.size() != 1) {
      throw ApiException.badRequest("Invalid endpoint configuration: exactly one endpoint type is allowed");
    }
    if (types.get(0).equals("PRIVATE")) {
      throw Unserved.refusal("A PRIVATE domain name (its requests would reach Archway from anywhere)");
    }
    return types.get(0);
  }

  private static void refuseUnserved(CreateRequest req) {
    if (req.certificateBody() != null || req.certificatePrivateKey() != null || req.certificateChain() != null) {
      throw Unserved.refusal("certificateBody, certificatePrivateKey and certificateChain (TLS is terminated in front"
          + " of Archway: name its certificate with certificateArn or certificateName)");
    }
    if (req.mutualTlsAuthentication() != null) {
      throw Unserved.refusal("mutualTlsAuthentication (mutual TLS: TLS is terminated in front of Archway)");
    }
    if (req.policy() != null || (req.endpointAccessMode() != null && !req.endpointAccessMode().equals("BASIC"))) {
      throw Unserved.refusal("policy and endpointAccessMode (private domain names)");
    }
  }

  static View view(DomainName domain) {
    DomainNameConfiguration c = domain.domainNameConfigurations().get(0);
    boolean edge = "EDGE".equals(c.endpointType());
    return new View(domain.domainName(), domain.domainNameArn(), edge ? c.certificateName() : null,
        edge ? c.certificateArn() : null, edge ? null : c.apiGatewayDomainName(), edge ? null : c.hostedZoneId(),
        edge ? null : c.certificateName(), edge ? null : c.certificateArn(), edge ? c.apiGatewayDomainName() : null,
        edge ? c.hostedZoneId() : null, new EndpointConfiguration(List.of(c.endpointType()), c.ipAddressType(), null),
        c.domainNameStatus(), c.securityPolicy(), domain.tags() == null || domain.tags().isEmpty() ? null : domain.tags(),
        c.ownershipVerificationCertificateArn(), domain.routingMode());
  }
}
