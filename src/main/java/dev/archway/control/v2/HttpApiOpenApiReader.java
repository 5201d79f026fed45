package dev.archway.control.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.openapi.BasePath;
import dev.archway.control.openapi.DefinitionText;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.openapi.References;
import dev.archway.control.openapi.Validation;
import dev.archway.control.v2.ImportedHttpApi.Part;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi.Cors;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an OpenAPI 3.0 definition as an HTTP API, the way AWS's ImportApi does: each operation of
 * each path is a route ({@code x-amazon-apigateway-any-method} is {@code ANY}; the path
 * {@code $default} is the {@code $default} route), {@code x-amazon-apigateway-integration} its target,
 * {@code security} its authorization; {@code info} names the API; {@code x-amazon-apigateway-cors}
 * is its CORS configuration. What HTTP APIs cannot use is skipped with a warning or an import note.
 */
public final class HttpApiOpenApiReader {
  static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  static final String CORS = "x-amazon-apigateway-cors";
  static final String VERSION = "x-amazon-apigateway-importexport-version";
  static final String TAG_VALUE = "x-amazon-apigateway-tag-value";
  static final String ENDPOINT = "x-amazon-apigateway-endpoint-configuration";
  static final String INTEGRATIONS = "x-amazon-apigateway-integrations";
  private static final Map<String, String> METHODS = Map.of("get", "GET", "put", "PUT", "post", "POST",
      "delete", "DELETE", "options", "OPTIONS", "head", "HEAD", "patch", "PATCH", ANY_METHOD, "ANY");
  private static final List<String> REST_ONLY = List.of("x-amazon-apigateway-binary-media-types",
      "x-amazon-apigateway-api-key-source", "x-amazon-apigateway-gateway-responses",
      "x-amazon-apigateway-request-validators", "x-amazon-apigateway-policy", "x-amazon-apigateway-minimum-compression-size",
      "x-amazon-apigateway-documentation");

  private final JsonNode root;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> importInfo = new ArrayList<>();
  private final Map<String, Part<Integration>> integrations = new LinkedHashMap<>();
  private final List<Part<Route>> routes = new ArrayList<>();

  private HttpApiOpenApiReader(JsonNode root) {
    this.root = root;
  }

  /** @param basepath the ImportApi {@code basepath} parameter: ignore (default), prepend or split */
  static ImportedHttpApi read(String definition, String basepath) {
    JsonNode root = DefinitionText.read(definition);
    References.refuseExternal(root);
    checkVersion(root);
    return new HttpApiOpenApiReader(root).read(BasePath.prefix(root, basepath));
  }

  /**
   * Reads a definition as ImportApi reads it, storing nothing: how {@code archway apply} refuses a
   * file before it writes anything. The keys of the routes it makes.
   *
   * @throws ApiException as ImportApi would refuse it
   */
  public static Set<String> routeKeys(String definition) {
    return read(definition, null).routes().stream().map(route -> route.value().routeKey()).collect(Collectors.toSet());
  }

  private static void checkVersion(JsonNode root) {
    if (root.has("swagger")) {
      throw ApiException.badRequest("Errors found during import:\n\tHTTP APIs support only OpenAPI 3.0 definitions; "
          + "this is swagger " + root.get("swagger").asText() + " (import it as a REST API)");
    }
    String openapi = root.path("openapi").asText("");
    if (!openapi.matches("3\\.0(\\.\\d+)?")) {
      throw ApiException.badRequest("Errors found during import:\n\t"
          + (openapi.isEmpty() ? "attribute openapi is missing" : "Unsupported OpenAPI version " + References.abbreviate(openapi))
          + " (expected: 3.0.x)");
    }
  }

  private ImportedHttpApi read(String prefix) {
    // AWS words the OpenAPI parser's findings "Parse issue: attribute info.version is missing".
    Validation.messages(root).forEach(message -> warnings.add("Parse issue: " + message));
    JsonNode info = root.path("info");
    String name = info.isObject() ? Nodes.text(info, "title") : null;
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("Errors found during import:\n\tattribute info.title is missing (it names the API)");
    }
    String version = Nodes.text(root, VERSION);
    if (version != null && !version.equals("1.0")) {
      warnings.add(VERSION + ": " + version + " is not supported (expected: 1.0); the definition was read as 1.0");
    }
    REST_ONLY.stream().filter(root::has).forEach(m -> importInfo.add(m + " is supported only for REST APIs and was ignored"));
    OpenApiSecurity security = OpenApiSecurity.read(root, warnings);
    root.path("paths").fields().forEachRemaining(e -> path(e.getKey(), e.getValue(), prefix, security));
    JsonNode endpoint = root.path(ENDPOINT);
    return new ImportedHttpApi(name, Nodes.text(info, "description"), Nodes.text(info, "version"), cors(),
        endpoint.isObject() ? Nodes.bool(endpoint, "disableExecuteApiEndpoint") : null, tags(),
        security.authorizers(), integrations.values().stream().filter(java.util.Objects::nonNull).toList(), routes, warnings,
        importInfo);
  }

  private void path(String path, JsonNode item, String prefix, OpenApiSecurity security) {
    String pathWhere = "paths.'" + References.abbreviate(path) + "'";
    JsonNode resolved = References.resolve(root, item, pathWhere);
    boolean defaultRoute = path.equals(RouteKeys.DEFAULT);
    resolved.fields().forEachRemaining(e -> {
      String method = METHODS.get(e.getKey());
      if (method == null) {
        if (e.getKey().equals("trace")) {
          warnings.add(pathWhere + "(trace): TRACE is not supported by HTTP APIs; the operation was ignored");
        }
        return;
      }
      if (defaultRoute && !method.equals("ANY")) {
        warnings.add(pathWhere + "(" + e.getKey() + "): the $default route takes only " + ANY_METHOD + "; the operation was ignored");
        return;
      }
      String where = pathWhere + "(" + e.getKey() + ")";
      String routeKey = defaultRoute ? RouteKeys.DEFAULT : method + " " + (prefix.isEmpty() || !path.equals("/") ? prefix + path : prefix);
      operation(routeKey, References.resolve(root, e.getValue(), where), where, security);
    });
  }

  private void operation(String routeKey, JsonNode operation, String where, OpenApiSecurity security) {
    String target = null;
    JsonNode integration = operation.get(OpenApiIntegrations.EXTENSION);
    if (integration != null) {
      // An integration in components.x-amazon-apigateway-integrations is one integration, whatever routes name it.
      String key = integration.has("$ref") ? integration.get("$ref").asText() : routeKey;
      String integrationWhere = where + "." + OpenApiIntegrations.EXTENSION;
      Part<Integration> part = integrations.get(key);
      if (part == null && !integrations.containsKey(key)) {
        Integration read = OpenApiIntegrations.read(References.resolve(root, integration, integrationWhere), integrationWhere,
            warnings, importInfo);
        part = read == null ? null : new Part<>(integrationWhere, withId(read, "i" + integrations.size()));
        integrations.put(key, part);
      }
      target = part == null ? null : Route.TARGET_PREFIX + part.value().integrationId();
    }
    OpenApiSecurity.Requirement requirement = security.requirement(operation, root, where);
    String operationName = Nodes.text(operation, "operationId");
    if (operationName != null && operationName.length() > 64) {
      importInfo.add(where + ".operationId is longer than 64 characters and was ignored");
      operationName = null;
    }
    routes.add(new Part<>(where, new Route(null, false, requirement.scopes(), requirement.authorizationType(),
        requirement.scheme(), null, operationName, null, null, null, routeKey, null, target)));
  }

  private Cors cors() {
    JsonNode cors = root.path(CORS);
    if (!cors.isObject()) {
      return null;
    }
    return new Cors(Nodes.bool(cors, "allowCredentials"), Nodes.list(cors, "allowHeaders"), Nodes.list(cors, "allowMethods"),
        Nodes.list(cors, "allowOrigins"), Nodes.list(cors, "exposeHeaders"), Nodes.integer(cors, "maxAge"));
  }

  /** Tags of the definition that carry {@code x-amazon-apigateway-tag-value} are tags of the API. */
  private Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : root.path("tags")) {
      if (tag.has(TAG_VALUE) && tag.has("name")) {
        tags.put(tag.get("name").asText(), tag.get(TAG_VALUE).asText());
      }
    }
    return tags;
  }

  private static Integration withId(Integration i, String id) {
    return new Integration(i.apiGatewayManaged(), i.connectionId(), i.connectionType(), i.contentHandlingStrategy(),
        i.credentialsArn(), i.description(), id, i.integrationMethod(), i.integrationResponseSelectionExpression(),
        i.integrationSubtype(), i.integrationType(), i.integrationUri(), i.passthroughBehavior(), i.payloadFormatVersion(),
        i.requestParameters(), i.requestTemplates(), i.responseParameters(), i.templateSelectionExpression(),
        i.timeoutInMillis(), i.tlsConfig());
  }
}
