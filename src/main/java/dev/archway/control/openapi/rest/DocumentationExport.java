package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.DocumentationPart;
import dev.archway.model.DocumentationPart.Location;
import dev.archway.model.DocumentationSnapshot;
import dev.archway.model.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stage's documentation in an export: the parts of its documentation version as
 * {@code x-amazon-apigateway-documentation}, and their OpenAPI fields (a description, a summary...)
 * on the entities they document. A part for {@code *} (any method or status code) or for a shorter
 * path documents every entity it covers that has no part of its own, as AWS's content inheritance does.
 */
final class DocumentationExport {
  private static final Set<String> INFO = Set.of("description", "termsOfService", "contact", "license");
  private static final Set<String> OPERATION = Set.of("summary", "description", "tags", "deprecated", "externalDocs");
  private static final Set<String> PARAMETER = Set.of("description", "deprecated", "example", "allowEmptyValue");
  private static final Set<String> DESCRIBED = Set.of("description");
  private static final Set<String> SCHEMA = Set.of("title", "description", "example");
  private static final Map<String, String> VERBS = Map.of("get", "GET", "put", "PUT", "post", "POST", "delete", "DELETE",
      "options", "OPTIONS", "head", "HEAD", "patch", "PATCH", RestDefinitionReader.ANY_METHOD, "ANY");

  private final List<DocumentationPart> parts;
  private final Dialect dialect;

  private DocumentationExport(List<DocumentationPart> parts, Dialect dialect) {
    this.parts = parts;
    this.dialect = dialect;
  }

  static void apply(ObjectNode root, DocumentationSnapshot snapshot, Dialect dialect) {
    ObjectNode extension = root.putObject(DefinitionSettings.DOCUMENTATION).put("version", snapshot.version());
    ArrayNode out = extension.putArray("documentationParts");
    for (DocumentationPart part : snapshot.parts()) {
      ObjectNode node = out.addObject();
      node.set("location", Json.MAPPER.valueToTree(part.location()));
      node.set("properties", properties(part));
    }
    new DocumentationExport(snapshot.parts(), dialect).merge(root);
  }

  private void merge(ObjectNode root) {
    exact("API", null, null, null, null).ifPresent(p -> {
      JsonNode info = properties(p).path("info");
      copy(info.isObject() ? info : properties(p), (ObjectNode) root.get("info"), INFO);
    });
    JsonNode schemes = dialect == Dialect.SWAGGER_2 ? root.path("securityDefinitions") : root.path("components").path("securitySchemes");
    schemes.fields().forEachRemaining(e -> exact("AUTHORIZER", null, null, null, e.getKey())
        .ifPresent(p -> copy(properties(p), (ObjectNode) e.getValue(), DESCRIBED)));
    dialect.schemas(root).fields().forEachRemaining(e -> {
      exact("MODEL", null, null, null, e.getKey()).ifPresent(p -> copy(properties(p), (ObjectNode) e.getValue(), SCHEMA));
      e.getValue().path("properties").fields().forEachRemaining(property -> exact("MODEL", null, null, null,
          e.getKey() + "." + property.getKey()).ifPresent(p -> copy(properties(p), (ObjectNode) property.getValue(), SCHEMA)));
    });
    root.path("paths").fields().forEachRemaining(path -> {
      if (dialect == Dialect.OPENAPI_3) {
        exact("RESOURCE", path.getKey(), null, null, null).ifPresent(p -> copy(properties(p), (ObjectNode) path.getValue(), Set.of("summary", "description")));
      }
      path.getValue().fields().forEachRemaining(op -> {
        String verb = VERBS.get(op.getKey());
        if (verb != null) {
          operation(path.getKey(), verb, (ObjectNode) op.getValue());
        }
      });
    });
  }

  private void operation(String path, String verb, ObjectNode op) {
    best("METHOD", path, verb, null, null).ifPresent(p -> copy(properties(p), op, OPERATION));
    for (JsonNode parameter : op.path("parameters")) {
      String type = switch (parameter.path("in").asText()) {
        case "path" -> "PATH_PARAMETER";
        case "query" -> "QUERY_PARAMETER";
        case "header" -> "REQUEST_HEADER";
        case "body" -> "REQUEST_BODY";
        default -> null;
      };
      if (type != null) {
        best(type, path, verb, null, type.equals("REQUEST_BODY") ? null : parameter.path("name").asText())
            .ifPresent(p -> copy(properties(p), (ObjectNode) parameter, PARAMETER));
      }
    }
    if (op.get("requestBody") instanceof ObjectNode body) {
      best("REQUEST_BODY", path, verb, null, null).ifPresent(p -> copy(properties(p), body, DESCRIBED));
    }
    op.path("responses").fields().forEachRemaining(response -> {
      best("RESPONSE", path, verb, response.getKey(), null).ifPresent(p -> copy(properties(p), (ObjectNode) response.getValue(), DESCRIBED));
      response.getValue().path("headers").fields().forEachRemaining(header -> best("RESPONSE_HEADER", path, verb,
          response.getKey(), header.getKey()).ifPresent(p -> copy(properties(p), (ObjectNode) header.getValue(), DESCRIBED)));
    });
  }

  private Optional<DocumentationPart> exact(String type, String path, String method, String status, String name) {
    return parts.stream().filter(p -> p.location().type().equals(type) && eq(p.location().path(), path)
        && eq(p.location().method(), method) && eq(p.location().statusCode(), status) && eq(p.location().name(), name)).findFirst();
  }

  /** The most specific part covering the entity: the longest path prefix, then an exact method, then an exact status. */
  private Optional<DocumentationPart> best(String type, String path, String method, String status, String name) {
    return parts.stream().filter(p -> {
      Location l = p.location();
      boolean inherits = !type.equals("METHOD") && !type.equals("REQUEST_BODY");
      return l.type().equals(type) && (inherits ? covers(l.path(), path) : l.path().equals(path)) && (l.method().equals("*") || l.method().equals(method))
          && (status == null || l.statusCode().equals("*") || l.statusCode().equals(status))
          && (name == null || name.equals(l.name()));
    }).max(Comparator.<DocumentationPart>comparingInt(p -> p.location().path().length())
        .thenComparing(p -> !p.location().method().equals("*"))
        .thenComparing(p -> status != null && !p.location().statusCode().equals("*")));
  }

  private static boolean covers(String prefix, String path) {
    return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private static boolean eq(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static JsonNode properties(DocumentationPart part) {
    try {
      return Json.MAPPER.readTree(part.properties());
    } catch (Exception e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  private static void copy(JsonNode properties, ObjectNode target, Set<String> allowed) {
    properties.fields().forEachRemaining(e -> {
      if (allowed.contains(e.getKey())) {
        target.set(e.getKey(), e.getValue());
      }
    });
  }
}
