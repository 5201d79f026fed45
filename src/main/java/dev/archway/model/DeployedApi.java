package dev.archway.model;

import java.util.List;

/** The immutable document CreateDeployment freezes from the draft: what a stage serves. */
public record DeployedApi(String deploymentId, RestApi api, List<Resource> resources, List<Authorizer> authorizers) {

  /** A deployment of an API without authorizers (and documents frozen before authorizers existed). */
  public DeployedApi(String deploymentId, RestApi api, List<Resource> resources) {
    this(deploymentId, api, resources, List.of());
  }
}
