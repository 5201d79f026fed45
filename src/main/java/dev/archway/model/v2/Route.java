package dev.archway.model.v2;

import java.util.List;
import java.util.Map;

/** A route of an apigatewayv2 API: a route key ({@code GET /pets/{id}}, {@code $default}) and its target. */
public record Route(
    Boolean apiGatewayManaged,
    Boolean apiKeyRequired,
    List<String> authorizationScopes,
    String authorizationType,
    String authorizerId,
    String modelSelectionExpression,
    String operationName,
    Map<String, String> requestModels,
    Map<String, ParameterConstraints> requestParameters,
    String routeId,
    String routeKey,
    String routeResponseSelectionExpression,
    String target) {

  /** The prefix of a route target that names an integration of the same API. */
  public static final String TARGET_PREFIX = "integrations/";

  public record ParameterConstraints(Boolean required) {}

  /** The integration this route sends requests to, or null when it has no target. */
  public String integrationId() {
    return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
  }
}
