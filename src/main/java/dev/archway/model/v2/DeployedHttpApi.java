package dev.archway.model.v2;

import java.util.List;
import java.util.Map;

/**
 * The immutable document a v2 deployment freezes from the draft: everything a runtime needs to
 * compile a stage of an HTTP or WebSocket API. Stage variables and route settings stay on the stage.
 * Route responses are keyed by route id and integration responses by integration id (WebSocket APIs
 * only; null in documents frozen before they existed, as are the models).
 */
public record DeployedHttpApi(
    String deploymentId,
    HttpApi api,
    List<Route> routes,
    List<Integration> integrations,
    List<Authorizer> authorizers,
    Map<String, List<RouteResponse>> routeResponses,
    Map<String, List<IntegrationResponse>> integrationResponses,
    List<Model> models) {

  /** A frozen HTTP API: no route responses, integration responses or models. */
  public DeployedHttpApi(String deploymentId, HttpApi api, List<Route> routes, List<Integration> integrations,
      List<Authorizer> authorizers) {
    this(deploymentId, api, routes, integrations, authorizers, null, null, null);
  }

  public List<RouteResponse> routeResponsesOf(String routeId) {
    return routeResponses == null ? List.of() : routeResponses.getOrDefault(routeId, List.of());
  }

  public List<IntegrationResponse> integrationResponsesOf(String integrationId) {
    return integrationResponses == null ? List.of() : integrationResponses.getOrDefault(integrationId, List.of());
  }
}
