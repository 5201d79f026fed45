package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.openapi.rest.RestDefinition.Part;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The API-wide parts of a REST API definition: {@code info} and the root extensions
 * ({@code -binary-media-types}, {@code -minimum-compression-size}, {@code -api-key-source},
 * {@code -policy}, {@code -endpoint-configuration}, tags with {@code -tag-value}), the request validators
 * and the gateway responses. Root extensions Archway does not know are warnings.
 */
final class DefinitionSettings {
  static final String PREFIX = "x-amazon-apigateway-";
  static final String BINARY = PREFIX + "binary-media-types";
  static final String COMPRESSION = PREFIX + "minimum-compression-size";
  static final String KEY_SOURCE = PREFIX + "api-key-source";
  static final String POLICY = PREFIX + "policy";
  static final String ENDPOINT = PREFIX + "endpoint-configuration";
  static final String TAG_VALUE = PREFIX + "tag-value";
  static final String VALIDATORS = PREFIX + "request-validators";
  static final String VALIDATOR = PREFIX + "request-validator";
  static final String GATEWAY_RESPONSES = PREFIX + "gateway-responses";
  static final String DOCUMENTATION = PREFIX + "documentation";
  private static final Set<String> ROOT = Set.of(BINARY, COMPRESSION, KEY_SOURCE, POLICY, ENDPOINT, VALIDATORS, VALIDATOR,
      GATEWAY_RESPONSES, DOCUMENTATION);
  /** What HTTP API definitions carry and REST APIs have no use for. */
  private static final Set<String> HTTP_ONLY = Set.of(PREFIX + "cors", PREFIX + "importexport-version");

  private DefinitionSettings() {}

  /** The CreateRestApi body the definition describes; {@code info.title} names the API. */
  static ObjectNode api(JsonNode root, Dialect dialect, List<String> warnings) {
    JsonNode info = root.path("info");
    String name = info.isObject() ? Nodes.text(info, "title") : null;
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("Errors found during import:\n\tattribute info.title is missing (it names the API)");
    }
    ObjectNode api = Json.MAPPER.createObjectNode().put("name", name);
    putIf(api, "description", Nodes.text(info, "description"));
    putIf(api, "version", Nodes.text(info, "version"));
    List<String> binary = Nodes.list(root, BINARY);
    if (binary != null) {
      binary.forEach(api.putArray("binaryMediaTypes")::add);
    }
    Integer compression = Nodes.integer(root, COMPRESSION);
    if (compression != null) {
      api.put("minimumCompressionSize", compression);
    }
    String keySource = Nodes.text(root, KEY_SOURCE);
    if (keySource != null) {
      api.put("apiKeySource", keySource.toUpperCase(Locale.ROOT));
    }
    JsonNode policy = root.path(POLICY);
    if (policy.isObject()) {
      api.put("policy", policy.toString());
    } else if (policy.isTextual()) {
      api.put("policy", policy.asText());
    }
    endpoint(dialect.endpointConfiguration(root), api);
    ObjectNode tags = Json.MAPPER.createObjectNode();
    for (JsonNode tag : root.path("tags")) {
      if (tag.has(TAG_VALUE) && tag.has("name")) {
        tags.put(tag.get("name").asText(), Nodes.text(tag, TAG_VALUE));
      }
    }
    if (!tags.isEmpty()) {
      api.set("tags", tags);
    }
    root.fieldNames().forEachRemaining(member -> {
      if (HTTP_ONLY.contains(member)) {
        warnings.add(member + " is supported only for HTTP APIs and was ignored");
      } else if (member.startsWith(PREFIX) && !ROOT.contains(member)) {
        warnings.add(member + " is not an extension of REST APIs and was ignored");
      }
    });
    return api;
  }

  private static void endpoint(JsonNode endpoint, ObjectNode api) {
    if (!endpoint.isObject()) {
      return;
    }
    List<String> types = Nodes.list(endpoint, "types");
    List<String> vpcs = Nodes.list(endpoint, "vpcEndpointIds");
    String ipAddressType = Nodes.text(endpoint, "ipAddressType");
    if (types != null || vpcs != null || ipAddressType != null) {
      ObjectNode configuration = api.putObject("endpointConfiguration");
      if (types != null) {
        types.forEach(t -> configuration.withArray("types").add(t.toUpperCase(Locale.ROOT)));
      }
      if (vpcs != null) {
        vpcs.forEach(configuration.putArray("vpcEndpointIds")::add);
      }
      putIf(configuration, "ipAddressType", ipAddressType);
    }
    Boolean disabled = Nodes.bool(endpoint, "disableExecuteApiEndpoint");
    if (disabled != null) {
      api.put("disableExecuteApiEndpoint", disabled);
    }
  }

  /** {@code x-amazon-apigateway-request-validators}: CreateRequestValidator bodies by name. */
  static List<Part> validators(JsonNode root) {
    List<Part> validators = new ArrayList<>();
    root.path(VALIDATORS).fields().forEachRemaining(e -> {
      ObjectNode body = Json.MAPPER.createObjectNode().put("name", e.getKey());
      Boolean validateBody = Nodes.bool(e.getValue(), "validateRequestBody");
      Boolean validateParameters = Nodes.bool(e.getValue(), "validateRequestParameters");
      body.put("validateRequestBody", Boolean.TRUE.equals(validateBody));
      body.put("validateRequestParameters", Boolean.TRUE.equals(validateParameters));
      validators.add(new Part(e.getKey(), VALIDATORS + "." + e.getKey(), body));
    });
    return validators;
  }

  /** {@code x-amazon-apigateway-gateway-responses}: PutGatewayResponse bodies by response type. */
  static List<Part> gatewayResponses(JsonNode root) {
    List<Part> responses = new ArrayList<>();
    root.path(GATEWAY_RESPONSES).fields().forEachRemaining(e -> {
      ObjectNode body = Json.MAPPER.createObjectNode();
      JsonNode response = e.getValue();
      putIf(body, "statusCode", Nodes.text(response, "statusCode"));
      if (Nodes.stringMap(response, "responseParameters") != null) {
        body.set("responseParameters", Json.MAPPER.valueToTree(Nodes.stringMap(response, "responseParameters")));
      }
      if (Nodes.stringMap(response, "responseTemplates") != null) {
        body.set("responseTemplates", Json.MAPPER.valueToTree(Nodes.stringMap(response, "responseTemplates")));
      }
      responses.add(new Part(e.getKey(), GATEWAY_RESPONSES + "." + e.getKey(), body));
    });
    return responses;
  }

  private static void putIf(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
