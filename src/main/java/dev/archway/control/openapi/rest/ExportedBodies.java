package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A method's request and responses in an export: {@code requestParameters} as parameters,
 * {@code requestModels} as the request body (a {@code body} parameter and {@code consumes} in Swagger
 * 2.0), method responses with their headers and models ({@code schema} and {@code produces} in Swagger 2.0).
 */
final class ExportedBodies {
  private static final Map<String, String> LOCATIONS = Map.of("path", "path", "querystring", "query",
      "multivaluequerystring", "query", "header", "header", "multivalueheader", "header");

  private final Dialect dialect;

  ExportedBodies(Dialect dialect) {
    this.dialect = dialect;
  }

  ArrayNode parameters(Method method) {
    ArrayNode parameters = Json.MAPPER.createArrayNode();
    if (method.requestParameters() == null) {
      return parameters;
    }
    new TreeMap<>(method.requestParameters()).forEach((name, required) -> {
      String[] parts = name.split("\\.", 4);
      String in = parts.length == 4 ? LOCATIONS.get(parts[2]) : null;
      if (in == null) {
        return;
      }
      ObjectNode parameter = parameters.addObject().put("name", parts[3]).put("in", in)
          .put("required", in.equals("path") || Boolean.TRUE.equals(required));
      stringType(parameter);
    });
    return parameters;
  }

  void requestBody(Method method, ObjectNode operation, ArrayNode parameters) {
    if (method.requestModels() == null || method.requestModels().isEmpty()) {
      return;
    }
    if (dialect == Dialect.SWAGGER_2) {
      method.requestModels().keySet().forEach(operation.withArray("consumes")::add);
      String model = method.requestModels().values().iterator().next();
      parameters.addObject().put("in", "body").put("name", model).put("required", true)
          .putObject("schema").put("$ref", dialect.schemaPrefix + model);
      return;
    }
    ObjectNode content = operation.putObject("requestBody").putObject("content");
    method.requestModels().forEach((type, model) -> content.putObject(type).putObject("schema").put("$ref", dialect.schemaPrefix + model));
    ((ObjectNode) operation.get("requestBody")).put("required", true);
  }

  ObjectNode responses(Method method, ObjectNode operation) {
    ObjectNode responses = Json.MAPPER.createObjectNode();
    Set<String> produces = new LinkedHashSet<>();
    Map<String, MethodResponse> byStatus = method.methodResponses() == null ? Map.of() : new TreeMap<>(method.methodResponses());
    byStatus.forEach((status, response) -> {
      ObjectNode out = responses.putObject(status).put("description", status + " response");
      if (response.responseParameters() != null && !response.responseParameters().isEmpty()) {
        ObjectNode headers = out.putObject("headers");
        new TreeMap<>(response.responseParameters()).forEach((name, required) -> {
          if (name.startsWith("method.response.header.")) {
            ObjectNode header = headers.putObject(name.substring("method.response.header.".length()));
            if (dialect == Dialect.OPENAPI_3 && Boolean.TRUE.equals(required)) {
              header.put("required", true);
            }
            stringType(header);
          }
        });
      }
      Map<String, String> models = response.responseModels() == null ? Map.of() : response.responseModels();
      if (!models.isEmpty() && dialect == Dialect.SWAGGER_2) {
        produces.addAll(models.keySet());
        out.putObject("schema").put("$ref", dialect.schemaPrefix + models.values().iterator().next());
      } else if (!models.isEmpty()) {
        ObjectNode content = out.putObject("content");
        models.forEach((type, model) -> content.putObject(type).putObject("schema").put("$ref", dialect.schemaPrefix + model));
      }
    });
    if (!produces.isEmpty()) {
      produces.forEach(operation.withArray("produces")::add);
    }
    return responses;
  }

  private void stringType(ObjectNode node) {
    if (dialect == Dialect.SWAGGER_2) {
      node.put("type", "string");
    } else {
      node.putObject("schema").put("type", "string");
    }
  }
}
