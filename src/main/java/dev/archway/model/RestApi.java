package dev.archway.model;

import java.util.List;
import java.util.Map;

/** A REST API (apigateway v1), member names as on the wire. {@code createdDate} is epoch seconds. */
public record RestApi(
    String id,
    String name,
    String description,
    Long createdDate,
    String version,
    List<String> warnings,
    List<String> binaryMediaTypes,
    Integer minimumCompressionSize,
    String apiKeySource,
    EndpointConfiguration endpointConfiguration,
    String policy,
    Map<String, String> tags,
    Boolean disableExecuteApiEndpoint,
    String rootResourceId) {

  public record EndpointConfiguration(
      List<String> types, String ipAddressType, List<String> vpcEndpointIds) {}

  public RestApi withEndpointConfiguration(EndpointConfiguration newEndpoint) {
    return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
        minimumCompressionSize, apiKeySource, newEndpoint, policy, tags, disableExecuteApiEndpoint, rootResourceId);
  }

  public RestApi withPolicy(String newPolicy) {
    return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
        minimumCompressionSize, apiKeySource, endpointConfiguration, newPolicy, tags, disableExecuteApiEndpoint, rootResourceId);
  }

  public RestApi withWarnings(List<String> newWarnings) {
    return new RestApi(id, name, description, createdDate, version, newWarnings, binaryMediaTypes,
        minimumCompressionSize, apiKeySource, endpointConfiguration, policy, tags,
        disableExecuteApiEndpoint, rootResourceId);
  }

  public RestApi withTags(Map<String, String> newTags) {
    return new RestApi(id, name, description, createdDate, version, warnings, binaryMediaTypes,
        minimumCompressionSize, apiKeySource, endpointConfiguration, policy, newTags,
        disableExecuteApiEndpoint, rootResourceId);
  }
}
