package dev.archway.control.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes an HTTP API as OpenAPI 3.0.1, as AWS's ExportApi does, so that ImportApi reads it back as
 * the same API: routes as operations ({@code ANY} as {@code x-amazon-apigateway-any-method}, the
 * {@code $default} route on the path {@code $default}), integrations inline (or in
 * {@code components.x-amazon-apigateway-integrations} when routes share one), authorizers as security
 * schemes. Without extensions, what only the extensions can say is left out.
 */
final class HttpApiOpenApiWriter {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private final boolean extensions;
  private final Map<String, Authorizer> authorizers;
  private final Map<String, Long> uses;

  private HttpApiOpenApiWriter(boolean extensions, List<Authorizer> authorizers, List<Route> routes) {
    this.extensions = extensions;
    this.authorizers = authorizers.stream().collect(Collectors.toMap(Authorizer::authorizerId, Function.identity(), (a, b) -> a));
    this.uses = routes.stream().filter(r -> r.integrationId() != null)
        .collect(Collectors.groupingBy(Route::integrationId, Collectors.counting()));
  }

  /** @param stageName the stage exported, or null for the draft: it is the {@code basePath} of the server */
  static ObjectNode write(HttpApi api, List<Route> routes, List<Integration> integrations, List<Authorizer> authorizers,
      String endpoint, String stageName, boolean extensions) {
    return new HttpApiOpenApiWriter(extensions, authorizers, routes).document(api, routes, integrations, endpoint, stageName);
  }

  private ObjectNode document(HttpApi api, List<Route> routes, List<Integration> integrations, String endpoint, String stageName) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("openapi", "3.0.1");
    ObjectNode info = root.putObject("info").put("title", api.name());
    if (api.description() != null) {
      info.put("description", api.description());
    }
    info.put("version", api.version() != null ? api.version() : api.createdDate());
    ObjectNode server = root.putArray("servers").addObject().put("url", endpoint + "/{basePath}");
    server.putObject("variables").putObject("basePath")
        .put("default", stageName == null || stageName.equals("$default") ? "" : stageName);
    if (extensions && api.tags() != null && !api.tags().isEmpty()) {
      ArrayNode tags = root.putArray("tags");
      api.tags().forEach((k, v) -> tags.addObject().put("name", k).put(HttpApiOpenApiReader.TAG_VALUE, v));
    }
    Map<String, Integration> byId = integrations.stream().collect(Collectors.toMap(Integration::integrationId, Function.identity()));
    ObjectNode paths = root.putObject("paths");
    routes.stream().sorted(Comparator.comparing(Route::routeKey)).forEach(route -> operation(paths, route, byId));
    ObjectNode components = root.putObject("components");
    OpenApiSchemes.write(components, authorizers.values(), routes, extensions);
    if (extensions) {
      ObjectNode shared = Json.MAPPER.createObjectNode();
      uses.forEach((id, count) -> {
        if (count > 1 && byId.containsKey(id)) {
          shared.set(id, integration(byId.get(id)));
        }
      });
      if (!shared.isEmpty()) {
        components.set(HttpApiOpenApiReader.INTEGRATIONS, shared);
      }
      if (api.corsConfiguration() != null) {
        root.set(HttpApiOpenApiReader.CORS, Json.MAPPER.valueToTree(api.corsConfiguration()));
      }
      if (Boolean.TRUE.equals(api.disableExecuteApiEndpoint())) {
        root.putObject(HttpApiOpenApiReader.ENDPOINT).put("disableExecuteApiEndpoint", true);
      }
      root.put(HttpApiOpenApiReader.VERSION, "1.0");
    }
    if (components.isEmpty()) {
      root.remove("components");
    }
    return root;
  }

  private void operation(ObjectNode paths, Route route, Map<String, Integration> integrations) {
    boolean defaultRoute = route.routeKey().equals(RouteKeys.DEFAULT);
    String method = defaultRoute ? "ANY" : route.routeKey().substring(0, route.routeKey().indexOf(' '));
    if (!extensions && method.equals("ANY")) {
      return; // OpenAPI alone has no way to say "any method"
    }
    String path = defaultRoute ? RouteKeys.DEFAULT : route.routeKey().substring(method.length() + 1);
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    ObjectNode op = item.putObject(method.equals("ANY") ? HttpApiOpenApiReader.ANY_METHOD : method.toLowerCase(Locale.ROOT));
    if (defaultRoute) {
      op.put("isDefaultRoute", true);
    }
    if (route.operationName() != null) {
      op.put("operationId", route.operationName());
    }
    Matcher variables = VARIABLE.matcher(path);
    ArrayNode parameters = Json.MAPPER.createArrayNode();
    while (variables.find()) {
      parameters.addObject().put("name", variables.group(1)).put("in", "path").put("required", true)
          .putObject("schema").put("type", "string");
    }
    if (!parameters.isEmpty()) {
      op.set("parameters", parameters);
    }
    op.putObject("responses").putObject("default").put("description", "Default response for " + route.routeKey());
    OpenApiSchemes.requirement(route, authorizers).ifPresent(requirement -> op.putArray("security").add(requirement));
    Integration integration = route.integrationId() == null ? null : integrations.get(route.integrationId());
    if (extensions && integration != null) {
      op.set(OpenApiIntegrations.EXTENSION, uses.getOrDefault(integration.integrationId(), 0L) > 1
          ? Json.MAPPER.createObjectNode().put("$ref", "#/components/" + HttpApiOpenApiReader.INTEGRATIONS + "/" + integration.integrationId())
          : integration(integration));
    }
  }

  private static ObjectNode integration(Integration i) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("payloadFormatVersion", i.payloadFormatVersion());
    node.put("type", i.integrationType().toLowerCase(Locale.ROOT));
    putIf(node, "httpMethod", i.integrationMethod());
    putIf(node, "uri", i.integrationUri());
    putIf(node, "connectionType", i.connectionType());
    putIf(node, "connectionId", i.connectionId());
    putIf(node, "credentials", i.credentialsArn());
    putIf(node, "description", i.description());
    putIf(node, "integrationSubtype", i.integrationSubtype());
    if (i.timeoutInMillis() != null) {
      node.put("timeoutInMillis", i.timeoutInMillis());
    }
    if (i.requestParameters() != null && !i.requestParameters().isEmpty()) {
      node.set("requestParameters", Json.MAPPER.valueToTree(i.requestParameters()));
    }
    if (i.responseParameters() != null && !i.responseParameters().isEmpty()) {
      node.set("responseParameters", Json.MAPPER.valueToTree(i.responseParameters()));
    }
    if (i.tlsConfig() != null && i.tlsConfig().serverNameToVerify() != null) {
      node.putObject("tlsConfig").put("serverNameToVerify", i.tlsConfig().serverNameToVerify());
    }
    return node;
  }

  static void putIf(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
