package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.DeployedApi;
import dev.archway.model.GatewayResponse;
import dev.archway.model.Json;
import dev.archway.model.RequestValidator;
import dev.archway.model.RestApi;

/** The API-wide {@code x-amazon-apigateway-*} extensions of an export, as {@link DefinitionSettings} reads them back. */
final class ApiExtensions {
  private ApiExtensions() {}

  /** {@code x-amazon-apigateway-endpoint-configuration}: the endpoint types (an Archway addition), VPC endpoints, the execute-api switch. */
  static ObjectNode endpoint(RestApi api) {
    ObjectNode endpoint = Json.MAPPER.createObjectNode();
    if (api.endpointConfiguration() != null) {
      if (api.endpointConfiguration().types() != null) {
        api.endpointConfiguration().types().forEach(endpoint.putArray("types")::add);
      }
      if (api.endpointConfiguration().vpcEndpointIds() != null && !api.endpointConfiguration().vpcEndpointIds().isEmpty()) {
        api.endpointConfiguration().vpcEndpointIds().forEach(endpoint.putArray("vpcEndpointIds")::add);
      }
      if (api.endpointConfiguration().ipAddressType() != null) {
        endpoint.put("ipAddressType", api.endpointConfiguration().ipAddressType());
      }
    }
    endpoint.put("disableExecuteApiEndpoint", Boolean.TRUE.equals(api.disableExecuteApiEndpoint()));
    return endpoint;
  }

  /** Tags of the API as definition tags with {@code x-amazon-apigateway-tag-value}. */
  static void tags(RestApi api, ObjectNode root) {
    if (api.tags() == null || api.tags().isEmpty()) {
      return;
    }
    ArrayNode tags = root.putArray("tags");
    api.tags().forEach((name, value) -> tags.addObject().put("name", name).put(DefinitionSettings.TAG_VALUE, value));
  }

  /** The root extensions; Swagger 2.0 carries the endpoint configuration at the root too. */
  static void write(DeployedApi deployed, ObjectNode root, ObjectNode endpoint) {
    RestApi api = deployed.api();
    if (api.binaryMediaTypes() != null && !api.binaryMediaTypes().isEmpty()) {
      api.binaryMediaTypes().forEach(root.putArray(DefinitionSettings.BINARY)::add);
    }
    if (api.minimumCompressionSize() != null) {
      root.put(DefinitionSettings.COMPRESSION, api.minimumCompressionSize());
    }
    if (api.apiKeySource() != null) {
      root.put(DefinitionSettings.KEY_SOURCE, api.apiKeySource());
    }
    if (api.policy() != null) {
      root.set(DefinitionSettings.POLICY, policy(api.policy()));
    }
    if (endpoint != null) {
      root.set(DefinitionSettings.ENDPOINT, endpoint);
    }
    if (!deployed.requestValidators().isEmpty()) {
      ObjectNode validators = root.putObject(DefinitionSettings.VALIDATORS);
      for (RequestValidator v : deployed.requestValidators()) {
        validators.putObject(v.name() == null ? v.id() : v.name())
            .put("validateRequestBody", v.body()).put("validateRequestParameters", v.parameters());
      }
    }
    if (!deployed.gatewayResponses().isEmpty()) {
      ObjectNode responses = root.putObject(DefinitionSettings.GATEWAY_RESPONSES);
      for (GatewayResponse r : deployed.gatewayResponses()) {
        ObjectNode response = responses.putObject(r.responseType());
        if (r.statusCode() != null) {
          response.put("statusCode", r.statusCode());
        }
        response.set("responseParameters", Json.MAPPER.valueToTree(r.responseParameters()));
        response.set("responseTemplates", Json.MAPPER.valueToTree(r.responseTemplates()));
      }
    }
  }

  /** A policy is kept as the text the user wrote; it is exported as the JSON object it is, or as text if it is not one. */
  private static JsonNode policy(String policy) {
    try {
      JsonNode node = Json.MAPPER.readTree(policy);
      return node != null && node.isObject() ? node : Json.MAPPER.getNodeFactory().textNode(policy);
    } catch (Exception e) {
      return Json.MAPPER.getNodeFactory().textNode(policy);
    }
  }
}
