package dev.archway.control.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Integration.TlsConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@code x-amazon-apigateway-integration} object read as an HTTP API integration. */
final class OpenApiIntegrations {
  static final String EXTENSION = "x-amazon-apigateway-integration";
  private static final List<String> TYPES = List.of("AWS_PROXY", "HTTP_PROXY");
  /** REST API members an HTTP API has no use for: AWS ignores them and says so in importInfo. */
  private static final List<String> REST_ONLY = List.of("requestTemplates", "responses", "passthroughBehavior",
      "contentHandling", "cacheKeyParameters", "cacheNamespace");

  private OpenApiIntegrations() {}

  /** The integration, or null (with a warning) when its type is not one HTTP APIs have. */
  static Integration read(JsonNode node, String where, List<String> warnings, List<String> importInfo) {
    if (!node.isObject()) {
      throw ApiException.badRequest("Errors found during import:\n\t" + where + " must be an object");
    }
    String type = upper(Nodes.text(node, "type"));
    if (type == null) {
      throw ApiException.badRequest("Errors found during import:\n\t" + where + ".type is missing");
    }
    if (!TYPES.contains(type)) {
      warnings.add(where + ": integration type " + type.toLowerCase(Locale.ROOT)
          + " is not supported for HTTP APIs (expected: aws_proxy or http_proxy); the route was imported without an integration");
      return null;
    }
    for (String member : REST_ONLY) {
      if (node.has(member)) {
        importInfo.add(where + "." + member + " is not supported for HTTP APIs and was ignored");
      }
    }
    JsonNode tls = node.path("tlsConfig");
    String version = Nodes.version(node, "payloadFormatVersion");
    // REST API exports (AWS's documented way to migrate) carry no payloadFormatVersion: theirs is 1.0.
    return new Integration(null, Nodes.text(node, "connectionId"), upper(Nodes.text(node, "connectionType")), null,
        Nodes.text(node, "credentials"), Nodes.text(node, "description"), null, upper(Nodes.text(node, "httpMethod")), null,
        Nodes.text(node, "integrationSubtype"), type, Nodes.text(node, "uri"), null, version == null ? "1.0" : version,
        Nodes.stringMap(node, "requestParameters"), null, responseParameters(node.path("responseParameters"), where), null,
        Nodes.integer(node, "timeoutInMillis"),
        tls.isObject() ? new TlsConfig(Nodes.text(tls, "serverNameToVerify")) : null);
  }

  private static Map<String, Map<String, String>> responseParameters(JsonNode node, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("Errors found during import:\n\t" + where + ".responseParameters must be an object");
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), Nodes.stringMap(node, e.getKey())));
    return out;
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
