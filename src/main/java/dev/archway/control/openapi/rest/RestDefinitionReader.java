package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.BasePath;
import dev.archway.control.openapi.DefinitionText;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.openapi.References;
import dev.archway.control.openapi.Validation;
import dev.archway.control.openapi.rest.DefinitionSecurity.Authorization;
import dev.archway.control.openapi.rest.RestDefinition.Operation;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Swagger 2.0 or OpenAPI 3.x definition (JSON or YAML, bounded by {@link DefinitionText}) as
 * a REST API, the way AWS's ImportRestApi does: each path is a resource (with its parents), each
 * operation a method ({@code x-amazon-apigateway-any-method} is {@code ANY}) whose parameters are
 * {@code requestParameters}, whose body schemas are {@code requestModels}, whose responses are method
 * responses (headers as {@code responseParameters}, schemas as {@code responseModels}) and whose
 * {@code x-amazon-apigateway-integration} is its integration. Nothing is resolved outside the document.
 */
public final class RestDefinitionReader {
  static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  private static final Map<String, String> METHODS = Map.of("get", "GET", "put", "PUT", "post", "POST",
      "delete", "DELETE", "options", "OPTIONS", "head", "HEAD", "patch", "PATCH", ANY_METHOD, "ANY");
  private static final Set<String> PATH_MEMBERS = Set.of("parameters", "summary", "description", "servers", "$ref");

  private final JsonNode root;
  private final Dialect dialect;
  private final List<String> warnings = new ArrayList<>();
  private final DefinitionModels models;
  private final DefinitionSecurity security;
  private final Set<String> paths = new LinkedHashSet<>();
  private final List<Operation> operations = new ArrayList<>();

  private RestDefinitionReader(JsonNode root, Dialect dialect) {
    this.root = root;
    this.dialect = dialect;
    warnings.addAll(dialect == Dialect.SWAGGER_2 ? Validation.swaggerMessages(root) : Validation.messages(root));
    this.models = new DefinitionModels(root, dialect, warnings);
    this.security = new DefinitionSecurity(root, dialect, warnings);
  }

  /**
   * @param basepath the {@code basepath} import parameter: ignore (default), prepend or split
   * @param withDocumentation false for {@code ignore=documentation}
   */
  public static RestDefinition read(byte[] definition, String basepath, boolean withDocumentation) {
    JsonNode root = DefinitionText.read(definition);
    References.refuseExternal(root);
    Dialect dialect = Dialect.of(root);
    if (dialect == null) {
      throw ApiException.badRequest("Invalid OpenAPI input.");
    }
    return new RestDefinitionReader(root, dialect).read(BasePath.prefix(root, basepath), withDocumentation);
  }

  private RestDefinition read(String prefix, boolean withDocumentation) {
    ObjectNode api = DefinitionSettings.api(root, dialect, warnings);
    paths.add("/");
    root.path("paths").fields().forEachRemaining(e -> path(e.getKey(), e.getValue(), prefix));
    JsonNode documentation = withDocumentation ? root.get(DefinitionSettings.DOCUMENTATION) : null;
    return new RestDefinition(api, models.all(), security.authorizers(), DefinitionSettings.validators(root),
        DefinitionSettings.gatewayResponses(root), List.copyOf(paths), operations, documentation, List.copyOf(warnings));
  }

  private void path(String path, JsonNode item, String prefix) {
    String pathWhere = "paths.'" + References.abbreviate(path) + "'";
    String resource = resourcePath(path.equals("/") ? prefix : prefix + path);
    addWithParents(resource);
    JsonNode resolved = References.resolve(root, item, pathWhere);
    List<JsonNode> shared = parameters(resolved.path("parameters"), pathWhere);
    resolved.fields().forEachRemaining(e -> {
      String method = METHODS.get(e.getKey());
      String where = pathWhere + "(" + e.getKey() + ")";
      if (method != null) {
        operation(resource, method, References.resolve(root, e.getValue(), where), shared, where);
      } else if (e.getKey().startsWith("x-amazon-apigateway-") || !e.getKey().startsWith("x-") && !PATH_MEMBERS.contains(e.getKey())) {
        warnings.add(where + " is not an operation API Gateway imports and was ignored");
      }
    });
  }

  private void operation(String path, String httpMethod, JsonNode operation, List<JsonNode> shared, String where) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    shared.forEach(p -> byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
    parameters(operation.path("parameters"), where).forEach(p -> byKey.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
    List<JsonNode> parameters = List.copyOf(byKey.values());
    ObjectNode method = Json.MAPPER.createObjectNode();
    Authorization auth = security.of(root, operation, where);
    method.put("authorizationType", auth.type());
    if (auth.authorizer() != null) {
      method.put("authorizerId", auth.authorizer());
    }
    if (auth.scopes() != null) {
      auth.scopes().forEach(method.putArray("authorizationScopes")::add);
    }
    method.put("apiKeyRequired", auth.apiKeyRequired());
    String operationId = Nodes.text(operation, "operationId");
    if (operationId != null) {
      method.put("operationName", operationId);
    }
    String validator = operation.has(DefinitionSettings.VALIDATOR) ? Nodes.text(operation, DefinitionSettings.VALIDATOR)
        : Nodes.text(root, DefinitionSettings.VALIDATOR);
    if (validator != null) {
      method.put("requestValidatorId", validator);
    }
    requestParameters(parameters, method.putObject("requestParameters"), where);
    ObjectNode requestModels = method.putObject("requestModels");
    dialect.requestBodies(root, operation, parameters, where).forEach((type, schema) -> {
      String model = models.modelFor(schema, where + ".requestBody");
      if (model != null) {
        requestModels.put(type, model);
      }
    });
    Map<String, ObjectNode> responses = responses(operation, where);
    JsonNode extension = operation.get(DefinitionIntegration.EXTENSION);
    DefinitionIntegration.Read integration = extension == null ? null
        : DefinitionIntegration.read(References.resolve(root, extension, where + "." + DefinitionIntegration.EXTENSION),
            path, where, warnings);
    dropEmpty(method);
    operations.add(new Operation(path, httpMethod, where, method, responses,
        integration == null ? null : integration.integration(), integration == null ? Map.of() : integration.responses()));
  }

  private void requestParameters(List<JsonNode> parameters, ObjectNode out, String where) {
    for (JsonNode parameter : parameters) {
      String in = parameter.path("in").asText();
      String name = parameter.path("name").asText();
      String location = switch (in) {
        case "path" -> "path";
        case "query" -> "querystring";
        case "header" -> "header";
        default -> null;
      };
      if (location != null) {
        out.put("method.request." + location + "." + name, in.equals("path") || parameter.path("required").asBoolean(false));
      } else if (!in.equals("body")) {
        warnings.add(where + ": the " + in + " parameter " + name + " is not a request parameter API Gateway maps; it was ignored");
      }
    }
  }

  private Map<String, ObjectNode> responses(JsonNode operation, String where) {
    Map<String, ObjectNode> responses = new LinkedHashMap<>();
    operation.path("responses").fields().forEachRemaining(e -> {
      String responseWhere = where + ".responses." + e.getKey();
      if (!e.getKey().matches("[1-5]\\d\\d")) {
        warnings.add(responseWhere + ": method responses are keyed by status code; the response was ignored");
        return;
      }
      JsonNode response = References.resolve(root, e.getValue(), responseWhere);
      ObjectNode body = Json.MAPPER.createObjectNode();
      ObjectNode headers = body.putObject("responseParameters");
      response.path("headers").fields().forEachRemaining(h -> headers.put("method.response.header." + h.getKey(),
          References.resolve(root, h.getValue(), responseWhere).path("required").asBoolean(false)));
      ObjectNode bodies = body.putObject("responseModels");
      dialect.responseBodies(root, operation, response).forEach((type, schema) -> {
        String model = models.modelFor(schema, responseWhere);
        if (model != null) {
          bodies.put(type, model);
        }
      });
      dropEmpty(body);
      responses.put(e.getKey(), body);
    });
    return responses;
  }

  /** A method without parameters or models has none, rather than empty maps. */
  private static void dropEmpty(ObjectNode body) {
    List<String> empty = new ArrayList<>();
    body.fields().forEachRemaining(f -> {
      if (f.getValue().isObject() && f.getValue().isEmpty()) {
        empty.add(f.getKey());
      }
    });
    body.remove(empty);
  }

  private List<JsonNode> parameters(JsonNode list, String where) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode parameter : list) {
      out.add(References.resolve(root, parameter, where + ".parameters"));
    }
    return out;
  }

  private void addWithParents(String path) {
    int slash = path.indexOf('/', 1);
    while (slash > 0) {
      paths.add(path.substring(0, slash));
      slash = path.indexOf('/', slash + 1);
    }
    paths.add(path);
  }

  private static String resourcePath(String path) {
    String trimmed = path.isEmpty() ? "/" : path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
