package dev.archway.model;

import java.util.List;

/**
 * The immutable document CreateDeployment freezes from the draft: what a stage serves. Models,
 * validators and customised gateway responses are frozen too, so changing them needs a redeploy.
 */
public record DeployedApi(
    String deploymentId, RestApi api, List<Resource> resources, List<Model> models,
    List<RequestValidator> requestValidators, List<GatewayResponse> gatewayResponses) {

  public DeployedApi(String deploymentId, RestApi api, List<Resource> resources) {
    this(deploymentId, api, resources, List.of(), List.of(), List.of());
  }
}
