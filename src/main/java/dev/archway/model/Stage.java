package dev.archway.model;

import java.util.Map;

/** A stage: a name pointing at a deployment, with variables. Dates are epoch seconds. */
public record Stage(
    String deploymentId,
    String clientCertificateId,
    String stageName,
    String description,
    Boolean cacheClusterEnabled,
    String cacheClusterSize,
    String cacheClusterStatus,
    Map<String, MethodSetting> methodSettings,
    Map<String, String> variables,
    String documentationVersion,
    Object accessLogSettings,
    CanarySettings canarySettings,
    Boolean tracingEnabled,
    String webAclArn,
    Map<String, String> tags,
    Long createdDate,
    Long lastUpdatedDate) {

  public record CanarySettings(
      Double percentTraffic, String deploymentId, Map<String, String> stageVariableOverrides, Boolean useStageCache) {}

  public Stage withDocumentationVersion(String version) {
    return new Stage(deploymentId, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, variables, version,
        accessLogSettings, canarySettings, tracingEnabled, webAclArn, tags, createdDate, lastUpdatedDate);
  }

  /** The same stage serving {@code id}. */
  public Stage withDeploymentId(String id) {
    return new Stage(id, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, variables, documentationVersion,
        accessLogSettings, canarySettings, tracingEnabled, webAclArn, tags, createdDate, lastUpdatedDate);
  }

  public Stage withVariables(Map<String, String> newVariables) {
    return new Stage(deploymentId, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, newVariables, documentationVersion,
        accessLogSettings, canarySettings, tracingEnabled, webAclArn, tags, createdDate, lastUpdatedDate);
  }

  /** The same stage with this canary, or none. */
  public Stage withCanarySettings(CanarySettings canary) {
    return new Stage(deploymentId, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, variables, documentationVersion,
        accessLogSettings, canary, tracingEnabled, webAclArn, tags, createdDate, lastUpdatedDate);
  }

  public Stage withTags(Map<String, String> newTags) {
    return new Stage(deploymentId, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, variables, documentationVersion,
        accessLogSettings, canarySettings, tracingEnabled, webAclArn, newTags, createdDate, lastUpdatedDate);
  }
}
