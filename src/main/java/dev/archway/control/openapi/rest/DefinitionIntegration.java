package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An operation's {@code x-amazon-apigateway-integration} as the bodies of PutIntegration and of one
 * PutIntegrationResponse per entry of {@code responses} (keyed by selection pattern, {@code default}
 * for none). Enumerations are written in either case, as AWS's own examples write them.
 */
final class DefinitionIntegration {
  static final String EXTENSION = "x-amazon-apigateway-integration";
  private static final Set<String> TEXT = Set.of("httpMethod", "uri", "connectionType", "connectionId", "credentials",
      "cacheNamespace", "contentHandling");
  private static final Set<String> KNOWN = Set.of("type", "httpMethod", "uri", "connectionType", "connectionId",
      "credentials", "cacheNamespace", "contentHandling", "requestParameters", "requestTemplates", "passthroughBehavior",
      "timeoutInMillis", "cacheKeyParameters", "tlsConfig", "responses");

  record Read(ObjectNode integration, Map<String, ObjectNode> responses) {}

  private DefinitionIntegration() {}

  /** @param path the resource path, as AWS names it in "malformed integration" errors */
  static Read read(JsonNode node, String path, String where, List<String> warnings) {
    if (!node.isObject() || Nodes.text(node, "type") == null) {
      throw malformed(path);
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("type", Nodes.text(node, "type").toUpperCase(Locale.ROOT));
    for (String member : TEXT) {
      String value = Nodes.text(node, member);
      if (value != null) {
        body.put(member, member.equals("httpMethod") || member.equals("connectionType") || member.equals("contentHandling")
            ? value.toUpperCase(Locale.ROOT) : value);
      }
    }
    String passthrough = Nodes.text(node, "passthroughBehavior");
    if (passthrough != null) {
      body.put("passthroughBehavior", passthrough.toUpperCase(Locale.ROOT));
    }
    Integer timeout = Nodes.integer(node, "timeoutInMillis");
    if (timeout != null) {
      body.put("timeoutInMillis", timeout);
    }
    copyMap(node, body, "requestParameters");
    copyMap(node, body, "requestTemplates");
    List<String> keys = Nodes.list(node, "cacheKeyParameters");
    if (keys != null) {
      keys.forEach(body.putArray("cacheKeyParameters")::add);
    }
    JsonNode tls = node.path("tlsConfig");
    if (tls.isObject() && tls.has("insecureSkipVerification")) {
      body.putObject("tlsConfig").put("insecureSkipVerification", Nodes.bool(tls, "insecureSkipVerification"));
    }
    node.fieldNames().forEachRemaining(member -> {
      if (!KNOWN.contains(member)) {
        warnings.add(where + "." + EXTENSION + "." + member + " is not a member of REST API integrations and was ignored");
      }
    });
    return new Read(body, responses(node.path("responses"), path, where, warnings));
  }

  private static Map<String, ObjectNode> responses(JsonNode responses, String path, String where, List<String> warnings) {
    Map<String, ObjectNode> byStatus = new LinkedHashMap<>();
    if (responses.isMissingNode() || responses.isNull()) {
      return byStatus;
    }
    if (!responses.isObject()) {
      throw malformed(path);
    }
    responses.fields().forEachRemaining(e -> {
      JsonNode response = e.getValue();
      String status = response.isObject() ? Nodes.text(response, "statusCode") : null;
      if (status == null) {
        throw malformed(path);
      }
      ObjectNode body = Json.MAPPER.createObjectNode();
      if (!e.getKey().equals("default")) {
        body.put("selectionPattern", e.getKey());
      }
      copyMap(response, body, "responseParameters");
      copyMap(response, body, "responseTemplates");
      String handling = Nodes.text(response, "contentHandling");
      if (handling != null) {
        body.put("contentHandling", handling.toUpperCase(Locale.ROOT));
      }
      if (byStatus.put(status, body) != null) {
        warnings.add(where + "." + EXTENSION + ".responses: two selection patterns select status " + status
            + "; an integration has one response per status, the last was imported");
      }
    });
    return byStatus;
  }

  private static void copyMap(JsonNode from, ObjectNode to, String member) {
    Map<String, String> map = Nodes.stringMap(from, member);
    if (map != null) {
      to.set(member, Json.MAPPER.valueToTree(map));
    }
  }

  private static ApiException malformed(String path) {
    return ApiException.badRequest("Unable to parse API definition because of a malformed integration at path " + path + ".");
  }
}
