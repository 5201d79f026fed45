package dev.archway.model.v2;

import java.util.List;

/**
 * The immutable document a v2 deployment freezes from the draft: everything a runtime needs to
 * compile a stage of an HTTP or WebSocket API. Stage variables and route settings stay on the stage.
 */
public record DeployedHttpApi(
    String deploymentId,
    HttpApi api,
    List<Route> routes,
    List<Integration> integrations,
    List<Authorizer> authorizers) {}
