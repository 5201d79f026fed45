package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.openapi.References;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Swagger 2.0 and OpenAPI 3.x say the same thing differently: schemas, security schemes,
 * request bodies (a {@code body} parameter and {@code consumes}, or {@code requestBody.content}) and
 * response bodies ({@code schema} and {@code produces}, or {@code content}).
 */
enum Dialect {
  SWAGGER_2("#/definitions/"),
  OPENAPI_3("#/components/schemas/");

  /** AWS reads a body with no declared media type as JSON. */
  static final String JSON = "application/json";

  /** How a {@code $ref} names a schema of this dialect. */
  final String schemaPrefix;

  Dialect(String schemaPrefix) {
    this.schemaPrefix = schemaPrefix;
  }

  /** The dialect of a definition, or null when it is neither Swagger 2.0 nor OpenAPI 3.x. */
  static Dialect of(JsonNode root) {
    if (root.path("swagger").asText("").equals("2.0")) {
      return SWAGGER_2;
    }
    return root.path("openapi").asText("").matches("3\\.[01](\\.\\d+)?") ? OPENAPI_3 : null;
  }

  JsonNode schemas(JsonNode root) {
    return this == SWAGGER_2 ? root.path("definitions") : root.path("components").path("schemas");
  }

  JsonNode securitySchemes(JsonNode root) {
    return this == SWAGGER_2 ? root.path("securityDefinitions") : root.path("components").path("securitySchemes");
  }

  /** The operation's request body schemas by media type (a body parameter's schema, for Swagger). */
  Map<String, JsonNode> requestBodies(JsonNode root, JsonNode operation, List<JsonNode> parameters, String where) {
    Map<String, JsonNode> bodies = new LinkedHashMap<>();
    if (this == SWAGGER_2) {
      for (JsonNode parameter : parameters) {
        if (parameter.path("in").asText().equals("body") && parameter.has("schema")) {
          mediaTypes(root, operation, "consumes").forEach(type -> bodies.put(type, parameter.get("schema")));
        }
      }
      return bodies;
    }
    JsonNode body = References.resolve(root, operation.path("requestBody"), where + ".requestBody");
    body.path("content").fields().forEachRemaining(e -> {
      if (e.getValue().has("schema")) {
        bodies.put(e.getKey(), e.getValue().get("schema"));
      }
    });
    return bodies;
  }

  /** A response's body schemas by media type. */
  Map<String, JsonNode> responseBodies(JsonNode root, JsonNode operation, JsonNode response) {
    Map<String, JsonNode> bodies = new LinkedHashMap<>();
    if (this == SWAGGER_2) {
      if (response.has("schema")) {
        mediaTypes(root, operation, "produces").forEach(type -> bodies.put(type, response.get("schema")));
      }
      return bodies;
    }
    response.path("content").fields().forEachRemaining(e -> {
      if (e.getValue().has("schema")) {
        bodies.put(e.getKey(), e.getValue().get("schema"));
      }
    });
    return bodies;
  }

  /** Where the definition puts {@code x-amazon-apigateway-endpoint-configuration}: the root, or the first server. */
  JsonNode endpointConfiguration(JsonNode root) {
    String member = "x-amazon-apigateway-endpoint-configuration";
    return this == SWAGGER_2 || root.has(member) ? root.path(member) : root.path("servers").path(0).path(member);
  }

  private static List<String> mediaTypes(JsonNode root, JsonNode operation, String member) {
    JsonNode types = operation.has(member) ? operation.get(member) : root.path(member);
    List<String> out = new ArrayList<>();
    types.forEach(t -> out.add(t.asText()));
    return out.isEmpty() ? List.of(JSON) : out;
  }
}
