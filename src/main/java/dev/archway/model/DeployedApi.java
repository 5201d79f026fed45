package dev.archway.model;

import java.util.List;

/**
 * The immutable document CreateDeployment freezes from the draft: what a stage serves. Authorizers,
 * models, validators and customised gateway responses are frozen too, so changing them needs a redeploy.
 */
public record DeployedApi(
    String deploymentId, RestApi api, List<Resource> resources, List<Authorizer> authorizers, List<Model> models,
    List<RequestValidator> requestValidators, List<GatewayResponse> gatewayResponses) {

  /** A deployment of an API with nothing but resources (and documents frozen before the other lists existed). */
  public DeployedApi(String deploymentId, RestApi api, List<Resource> resources) {
    this(deploymentId, api, resources, List.of(), List.of(), List.of(), List.of());
  }
}
