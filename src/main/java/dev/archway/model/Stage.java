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

  public Stage withTags(Map<String, String> newTags) {
    return new Stage(deploymentId, clientCertificateId, stageName, description, cacheClusterEnabled,
        cacheClusterSize, cacheClusterStatus, methodSettings, variables, documentationVersion,
        accessLogSettings, canarySettings, tracingEnabled, webAclArn, newTags, createdDate, lastUpdatedDate);
  }
}
