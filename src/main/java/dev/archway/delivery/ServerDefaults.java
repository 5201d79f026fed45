package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an export writes that a file need not say: AWS's defaults (an integration's timeout,
 * connection type and passthrough behaviour, the API key source, the endpoint configuration), the
 * models every REST API has, resources without methods (their children imply them), and the
 * descriptions and summaries of operations and responses (documentation, which a deployment's
 * export does not carry), an operation's empty {@code responses}, Swagger's media types where they mean nothing, the responses of HTTP API routes (they have none) and the import/export
 * version. Removed from both sides before a definition is compared.
 */
final class ServerDefaults {
  private static final String INTEGRATION = "x-amazon-apigateway-integration";
  private static final String ENDPOINT = "x-amazon-apigateway-endpoint-configuration";
  private static final Map<String, List<String>> INTEGRATION_DEFAULTS = Map.of(
      "timeoutInMillis", List.of("29000", "30000"), "connectionType", List.of("internet"),
      "passthroughBehavior", List.of("when_no_match"));
  private static final Map<String, JsonNode> ENDPOINT_DEFAULTS = Map.of(
      "types", JsonNodeFactory.instance.arrayNode().add("EDGE"), "ipAddressType", JsonNodeFactory.instance.textNode("ipv4"),
      "disableExecuteApiEndpoint", JsonNodeFactory.instance.booleanNode(false));
  private static final ObjectNode BUILT_IN_MODELS = builtInModels();

  private ServerDefaults() {}

  static void remove(ObjectNode definition, Declaration.Type type) {
    definition.remove("x-amazon-apigateway-importexport-version");
    if ("HEADER".equals(definition.path("x-amazon-apigateway-api-key-source").asText())) {
      definition.remove("x-amazon-apigateway-api-key-source");
    }
    if (definition.get(ENDPOINT) instanceof ObjectNode endpoint) {
      withoutDefaults(definition, endpoint);
    }
    definition.path("servers").forEach(server -> {
      if (server.get(ENDPOINT) instanceof ObjectNode endpoint) {
        withoutDefaults((ObjectNode) server, endpoint);
      }
    });
    if (definition.get("paths") instanceof ObjectNode paths) {
      paths.properties().removeIf(item -> item.getValue().isEmpty());
      paths.forEach(item -> item.forEach(operation -> operation(operation, type)));
    }
    builtInModels(definition.get("components") instanceof ObjectNode components ? components : null, "schemas");
    if (definition.has("swagger")) {
      builtInModels(definition, "definitions");
      mediaTypes(definition);
    }
  }

  private static void builtInModels(ObjectNode parent, String member) {
    if (parent == null || !(parent.get(member) instanceof ObjectNode schemas)) {
      return;
    }
    BUILT_IN_MODELS.fields().forEachRemaining(model -> {
      if (model.getValue().equals(schemas.get(model.getKey()))) {
        schemas.remove(model.getKey());
      }
    });
    if (schemas.isEmpty()) {
      parent.remove(member);
    }
  }

  /**
   * Swagger 2.0's {@code consumes} and {@code produces}: the root's are each operation's default, and
   * they mean something (the content types of request and response models) only for an operation
   * with a body parameter or a response schema; an export writes them only there.
   */
  private static void mediaTypes(ObjectNode definition) {
    JsonNode consumes = definition.remove("consumes");
    JsonNode produces = definition.remove("produces");
    definition.path("paths").forEach(item -> item.forEach(node -> {
      if (!(node instanceof ObjectNode operation)) {
        return;
      }
      if (consumes != null && !operation.has("consumes")) {
        operation.set("consumes", consumes);
      }
      if (produces != null && !operation.has("produces")) {
        operation.set("produces", produces);
      }
      boolean body = false;
      for (JsonNode parameter : operation.path("parameters")) {
        body |= "body".equals(parameter.path("in").asText());
      }
      boolean schema = false;
      for (JsonNode response : operation.path("responses")) {
        schema |= response.has("schema");
      }
      if (!body) {
        operation.remove("consumes");
      }
      if (!schema) {
        operation.remove("produces");
      }
    }));
  }

  private static void operation(JsonNode node, Declaration.Type type) {
    if (!(node instanceof ObjectNode operation)) {
      return;
    }
    operation.remove(List.of("summary", "description"));
    if (type == Declaration.Type.HTTP) {
      operation.remove("responses"); // an HTTP API route has no method responses: ExportApi writes a default one
    }
    operation.path("responses").forEach(response -> {
      if (response instanceof ObjectNode r) {
        r.remove("description");
      }
    });
    if (operation.path("responses").isEmpty()) {
      operation.remove("responses"); // a method without method responses exports "responses: {}"
    }
    if (operation.get(INTEGRATION) instanceof ObjectNode integration) {
      INTEGRATION_DEFAULTS.forEach((member, values) -> {
        if (values.contains(integration.path(member).asText("").toLowerCase(Locale.ROOT))) {
          integration.remove(member);
        }
      });
    }
  }

  private static void withoutDefaults(ObjectNode parent, ObjectNode endpoint) {
    ENDPOINT_DEFAULTS.forEach((member, value) -> {
      if (value.equals(endpoint.get(member))) {
        endpoint.remove(member);
      }
    });
    if (endpoint.isEmpty()) {
      parent.remove(ENDPOINT);
    }
  }

  private static ObjectNode builtInModels() {
    ObjectNode models = JsonNodeFactory.instance.objectNode();
    models.putObject("Empty").put("title", "Empty Schema").put("type", "object");
    models.putObject("Error").put("title", "Error Schema").put("type", "object")
        .putObject("properties").putObject("message").put("type", "string");
    return models;
  }
}
