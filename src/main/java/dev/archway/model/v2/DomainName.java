package dev.archway.model.v2;

import java.util.List;
import java.util.Map;

/** A custom domain name (stored and returned; not served yet). */
public record DomainName(
    String apiMappingSelectionExpression,
    String domainName,
    String domainNameArn,
    List<DomainNameConfiguration> domainNameConfigurations,
    MutualTlsAuthentication mutualTlsAuthentication,
    String routingMode,
    Map<String, String> tags) {

  public record DomainNameConfiguration(
      String apiGatewayDomainName,
      String certificateArn,
      String certificateName,
      String certificateUploadDate,
      String domainNameStatus,
      String domainNameStatusMessage,
      String endpointType,
      String hostedZoneId,
      String ipAddressType,
      String securityPolicy,
      String ownershipVerificationCertificateArn) {}

  public record MutualTlsAuthentication(String truststoreUri, String truststoreVersion, List<String> truststoreWarnings) {}

  public DomainName withTags(Map<String, String> newTags) {
    return new DomainName(apiMappingSelectionExpression, domainName, domainNameArn, domainNameConfigurations,
        mutualTlsAuthentication, routingMode, newTags);
  }
}
