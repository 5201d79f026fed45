package dev.archway.model;

import java.util.List;

/** The immutable document CreateDeployment freezes from the draft: what a stage serves. */
public record DeployedApi(String deploymentId, RestApi api, List<Resource> resources) {}
