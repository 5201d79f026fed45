package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Integration;
import dev.archway.model.IntegrationResponse;
import dev.archway.model.Json;
import java.util.Locale;
import java.util.Map;

/** A method's integration as {@code x-amazon-apigateway-integration}, enumerations written as AWS's exports write them. */
final class ExportedIntegration {
  private ExportedIntegration() {}

  /** @param resourceId the method's resource: a {@code cacheNamespace} equal to it is PutIntegration's default and left out */
  static ObjectNode of(Integration i, String resourceId) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("type", i.type().toLowerCase(Locale.ROOT));
    putIf(node, "httpMethod", i.httpMethod());
    putIf(node, "uri", i.uri());
    putIf(node, "connectionType", i.connectionType());
    putIf(node, "connectionId", i.connectionId());
    putIf(node, "credentials", i.credentials());
    if (i.integrationResponses() != null && !i.integrationResponses().isEmpty()) {
      ObjectNode responses = node.putObject("responses");
      for (IntegrationResponse r : i.integrationResponses().values()) {
        String key = r.selectionPattern() == null || r.selectionPattern().isEmpty() ? "default" : r.selectionPattern();
        ObjectNode response = responses.putObject(key).put("statusCode", r.statusCode());
        putMap(response, "responseParameters", r.responseParameters());
        putMap(response, "responseTemplates", r.responseTemplates());
        putIf(response, "contentHandling", r.contentHandling());
      }
    }
    putMap(node, "requestParameters", i.requestParameters());
    putMap(node, "requestTemplates", i.requestTemplates());
    if (i.passthroughBehavior() != null) {
      node.put("passthroughBehavior", i.passthroughBehavior().toLowerCase(Locale.ROOT));
    }
    putIf(node, "contentHandling", i.contentHandling());
    if (i.timeoutInMillis() != null) {
      node.put("timeoutInMillis", i.timeoutInMillis());
    }
    if (i.cacheNamespace() != null && !i.cacheNamespace().equals(resourceId)) {
      node.put("cacheNamespace", i.cacheNamespace());
    }
    if (i.cacheKeyParameters() != null && !i.cacheKeyParameters().isEmpty()) {
      i.cacheKeyParameters().forEach(node.putArray("cacheKeyParameters")::add);
    }
    if (i.tlsConfig() != null && i.tlsConfig().insecureSkipVerification() != null) {
      node.putObject("tlsConfig").put("insecureSkipVerification", i.tlsConfig().insecureSkipVerification());
    }
    return node;
  }

  private static void putIf(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }

  private static void putMap(ObjectNode node, String member, Map<String, String> map) {
    if (map != null && !map.isEmpty()) {
      node.set(member, Json.MAPPER.valueToTree(map));
    }
  }
}
