package dev.archway.model.v2;

import java.util.Map;

/** A stage of an apigatewayv2 API: a name pointing at a deployment, with variables and route settings. */
public record Stage(
    AccessLogSettings accessLogSettings,
    Boolean apiGatewayManaged,
    Boolean autoDeploy,
    String clientCertificateId,
    String createdDate,
    RouteSettings defaultRouteSettings,
    String deploymentId,
    String description,
    String lastDeploymentStatusMessage,
    String lastUpdatedDate,
    Map<String, RouteSettings> routeSettings,
    String stageName,
    Map<String, String> stageVariables,
    Map<String, String> tags) {

  /** The stage an HTTP API serves at the root of its endpoint, without a stage prefix. */
  public static final String DEFAULT = "$default";

  public record AccessLogSettings(String destinationArn, String format) {}

  public record RouteSettings(
      Boolean dataTraceEnabled,
      Boolean detailedMetricsEnabled,
      String loggingLevel,
      Integer throttlingBurstLimit,
      Double throttlingRateLimit) {}

  public boolean autoDeploys() {
    return Boolean.TRUE.equals(autoDeploy);
  }

  /** This stage after a deployment attempt: pointed at {@code newDeploymentId} (null keeps the current one). */
  public Stage deployed(String newDeploymentId, String statusMessage, String now) {
    return new Stage(accessLogSettings, apiGatewayManaged, autoDeploy, clientCertificateId, createdDate,
        defaultRouteSettings, newDeploymentId == null ? deploymentId : newDeploymentId, description, statusMessage,
        now, routeSettings, stageName, stageVariables, tags);
  }

  public Stage withTags(Map<String, String> newTags) {
    return new Stage(accessLogSettings, apiGatewayManaged, autoDeploy, clientCertificateId, createdDate,
        defaultRouteSettings, deploymentId, description, lastDeploymentStatusMessage, lastUpdatedDate, routeSettings,
        stageName, stageVariables, newTags);
  }
}
