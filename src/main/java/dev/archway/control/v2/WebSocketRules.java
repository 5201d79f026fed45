package dev.archway.control.v2;

import dev.archway.control.MappingChecks;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Route.ParameterConstraints;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import dev.archway.websocket.SelectionExpression;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What only WebSocket APIs say: selection expressions (parsed as the runtime will evaluate them),
 * route request parameters and models, route response selection, integration templates and their
 * request parameter mappings. Every check runs when the resource is written, so a deployment never
 * holds what the runtime cannot serve.
 */
final class WebSocketRules {
  static final String CONNECT = "$connect";
  static final String DEFAULT = "$default";
  private static final Pattern ROUTE_PARAMETER = Pattern.compile("route\\.request\\.(?:header|querystring)\\.[^\\s.][^\\s]*");
  private static final Pattern INTEGRATION_TARGET = Pattern.compile("integration\\.request\\.(?:header|querystring|path)\\.[^\\s.][^\\s]*");
  private static final Pattern INTEGRATION_SOURCE = Pattern.compile(
      "'[^']*'|route\\.request\\.(?:header|querystring)\\.[^\\s]+|route\\.request\\.body(?:\\.[^\\s]+)?|context\\.[^\\s]+|stageVariables\\.[^\\s]+");
  private static final List<String> PASSTHROUGH = List.of("WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES");
  static final List<String> CONTENT_HANDLING = List.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");

  private WebSocketRules() {}

  /** A WebSocket API's route selection expression: required, and one the runtime can evaluate. */
  static void api(HttpApi api) {
    String selection = api.routeSelectionExpression();
    if (selection == null || selection.isBlank()) {
      throw ApiException.badRequest("RouteSelectionExpression is required for WEBSOCKET protocol");
    }
    Checks.length("routeSelectionExpression", selection, 1, 1024);
    selection("routeSelectionExpression", selection);
  }

  /** Parses a request selection expression, or refuses it naming the member. */
  static void selection(String member, String expression) {
    if (expression == null) {
      return;
    }
    try {
      SelectionExpression.parseRequest(expression);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid " + member + ": " + e.getMessage());
    }
  }

  /** The WebSocket-only members of a route, and authorization on {@code $connect} only, as AWS allows. */
  static void route(Documents docs, HttpApi api, Route route, String authorizationType) {
    if (!authorizationType.equals("NONE") && !CONNECT.equals(route.routeKey())) {
      throw ApiException.badRequest("Currently, authorization is restricted to the $connect route only");
    }
    String responseSelection = route.routeResponseSelectionExpression();
    if (responseSelection != null && !responseSelection.equals(DEFAULT)) {
      throw ApiException.badRequest("Invalid routeResponseSelectionExpression: " + Checks.abbreviate(responseSelection)
          + " (expected: $default, the only route response key AWS supports)");
    }
    selection("modelSelectionExpression", route.modelSelectionExpression());
    models(docs, api, "requestModels", route.requestModels());
    parameters("requestParameters", route.requestParameters());
  }

  /** Route request parameters: {@code route.request.header.<name>} or {@code route.request.querystring.<name>}. */
  static void parameters(String member, Map<String, ParameterConstraints> parameters) {
    if (parameters == null) {
      return;
    }
    parameters.keySet().forEach(key -> {
      if (key == null || !ROUTE_PARAMETER.matcher(key).matches()) {
        throw ApiException.badRequest("Invalid " + member + " key: " + (key == null ? null : Checks.abbreviate(key))
            + " (expected: route.request.header.<name> or route.request.querystring.<name>)");
      }
    });
  }

  /** Every model a route or route response names must be a model of the API. */
  static void models(Documents docs, HttpApi api, String member, Map<String, String> models) {
    if (models == null || models.isEmpty()) {
      return;
    }
    Set<String> names = docs.list(V2Kinds.MODEL, api.apiId()).stream().map(m -> m.name()).collect(Collectors.toSet());
    models.forEach((key, name) -> {
      if (!names.contains(name)) {
        throw ApiException.badRequest("Invalid model specified in " + member + " for key " + key + ": " + name
            + " (expected: the name of a model of this API)");
      }
    });
  }

  /** The members of an integration that only WebSocket APIs have. */
  static void integration(Integration in) {
    String type = in.integrationType();
    boolean proxy = type.endsWith("_PROXY");
    if (proxy && (in.requestTemplates() != null && !in.requestTemplates().isEmpty() || in.templateSelectionExpression() != null)) {
      throw ApiException.badRequest("requestTemplates and templateSelectionExpression are supported only for AWS, HTTP "
          + "and MOCK integrations (" + type + " sends the message as it is)");
    }
    Checks.oneOf("passthroughBehavior", in.passthroughBehavior(), PASSTHROUGH);
    Checks.oneOf("contentHandlingStrategy", in.contentHandlingStrategy(), CONTENT_HANDLING);
    selection("templateSelectionExpression", in.templateSelectionExpression());
    MappingChecks.templates(in.requestTemplates());
    if (in.responseParameters() != null && !in.responseParameters().isEmpty()) {
      throw ApiException.badRequest("responseParameters are supported only for HTTP APIs");
    }
    Map<String, String> parameters = in.requestParameters();
    if (parameters == null) {
      return;
    }
    parameters.forEach((key, value) -> {
      if (key == null || !INTEGRATION_TARGET.matcher(key).matches()) {
        throw ApiException.badRequest("Invalid mapping expression specified: " + (key == null ? null : Checks.abbreviate(key))
            + " (expected: integration.request.header.<name>, integration.request.querystring.<name> or integration.request.path.<name>)");
      }
      if (value == null || !INTEGRATION_SOURCE.matcher(value).matches()) {
        throw ApiException.badRequest("Invalid mapping expression specified: " + (value == null ? null : Checks.abbreviate(value))
            + " (expected: 'literal', route.request.header.<name>, route.request.querystring.<name>, route.request.body[.<path>], "
            + "context.<name> or stageVariables.<name>)");
      }
    });
  }
}
