package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.Patchable;
import dev.archway.model.Stage;
import dev.archway.model.Stage.CanarySettings;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A REST API stage's canary, managed as AWS's "Set up an API Gateway canary release deployment"
 * pages do it: created by CreateDeployment with {@code canarySettings} (the stage keeps its
 * deployment), CreateStage, or UpdateStage {@code replace /canarySettings/...}; promoted by copying
 * its deployment and stage variables onto the stage; removed with {@code remove /canarySettings}.
 * Messages are AWS's, as recorded against AWS (LocalStack's canary snapshot tests).
 */
final class CanaryReleases {
  private static final Set<String> REPLACEABLE = Set.of(
      "/canarySettings/percentTraffic", "/canarySettings/deploymentId", "/canarySettings/useStageCache");
  private static final String OVERRIDES = "/canarySettings/stageVariableOverrides";
  /** AWS lists the stage paths, not the canary's, when a canary path is unknown. */
  private static final String VALID_PATHS = "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize,"
      + " /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format,"
      + " /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace,"
      + " /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit"
      + "/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds,"
      + " /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted,"
      + " /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl,"
      + " /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled,"
      + " /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit"
      + " /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted,"
      + " /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy,"
      + " /variables/{variable_name}, /tracingEnabled]";
  private static final String INVALID_DEPLOYMENT = "Invalid deployment content specified.";

  private CanaryReleases() {}

  /** CreateDeployment's {@code canarySettings}: the canary's traffic, variables and cache use. */
  record DeploymentCanarySettings(Double percentTraffic, Map<String, String> stageVariableOverrides, Boolean useStageCache) {}

  /**
   * CreateDeployment: with canary settings the named stage must exist, and its canary (new or
   * replaced) serves the new deployment; without them a stage that has a canary is refused, as on AWS.
   *
   * @return the canary the stage gets, or null for a deployment without canary settings
   */
  static CanarySettings forDeployment(Documents docs, String apiId, String stageName,
      DeploymentCanarySettings requested, String deploymentId) {
    if (requested == null) {
      Stage stage = stageName == null ? null : docs.get(Kind.STAGE, apiId, stageName).orElse(null);
      if (stage != null && stage.canarySettings() != null) {
        throw ApiException.badRequest(INVALID_DEPLOYMENT + "Non canary deployment not supported on stage " + stageName
            + " because Canary is enabled. Provide CanarySettings in deploymentInput.");
      }
      return null;
    }
    if (stageName == null || stageName.isEmpty()) {
      throw ApiException.badRequest(INVALID_DEPLOYMENT
          + "Non null and non empty stageName must be provided for canary deployment. Provided value is " + stageName);
    }
    if (docs.get(Kind.STAGE, apiId, stageName).isEmpty()) {
      throw ApiException.badRequest(INVALID_DEPLOYMENT + "Stage " + stageName
          + " must already be created before making a canary release deployment");
    }
    // The new deployment is stored with the stage, so it is not looked up.
    return valid(new CanarySettings(requested.percentTraffic(), deploymentId, requested.stageVariableOverrides(),
        requested.useStageCache()));
  }

  /** CreateStage: the canary starts at the stage's own deployment unless it names one. */
  static CanarySettings forStage(Documents docs, String apiId, CanarySettings requested, String stageDeploymentId) {
    if (requested == null) {
      return null;
    }
    return checked(docs, apiId, new CanarySettings(requested.percentTraffic(),
        requested.deploymentId() == null ? stageDeploymentId : requested.deploymentId(),
        requested.stageVariableOverrides(), requested.useStageCache()));
  }

  /** Whether an UpdateStage op is the canary's: any {@code /canarySettings} path, and every {@code copy}. */
  static boolean handles(PatchOperation op) {
    return "copy".equals(op.op()) || isCanary(op.path());
  }

  /** Applies one canary op of UpdateStage to the stage as patched so far. */
  static Stage patch(Stage stage, PatchOperation op) {
    String path = op.path();
    switch (op.op() == null ? "" : op.op()) {
      case "copy" -> {
        return promote(stage, op);
      }
      case "remove" -> {
        if ("/canarySettings".equals(path)) {
          return stage.withCanarySettings(null);
        }
        if (path.split("/", -1).length == 3) {
          throw ApiException.badRequest("Cannot remove method setting " + path.substring(1)
              + " because there is no method setting for this method ");
        }
        return Drafts.patch(stage, List.of(op), Patchable.STAGE, Stage.class);
      }
      case "replace" -> {
        if (!REPLACEABLE.contains(path) && !path.startsWith(OVERRIDES + "/")) {
          throw ApiException.badRequest("Invalid method setting path: " + path + ". Must be one of: " + VALID_PATHS);
        }
        // A canary path replaced on a stage without a canary creates one at the stage's deployment.
        Stage withCanary = stage.canarySettings() != null ? stage
            : stage.withCanarySettings(new CanarySettings(0.0, stage.deploymentId(), null, false));
        return Drafts.patch(withCanary, List.of(op), Patchable.STAGE, Stage.class);
      }
      case "add" -> throw ApiException.badRequest("Invalid add operation with path: " + path);
      default -> {
        return Drafts.patch(stage, List.of(op), Patchable.STAGE, Stage.class);
      }
    }
  }

  /** The canary an update leaves, checked: a known deployment, 0.0 to 100.0 percent, valid variables. */
  static CanarySettings checked(Documents docs, String apiId, CanarySettings canary) {
    if (canary == null) {
      return null;
    }
    if (canary.deploymentId() == null || docs.get(Kind.DEPLOYMENT, apiId, canary.deploymentId()).isEmpty()) {
      throw ApiException.badRequest("Deployment id does not exist");
    }
    return valid(canary);
  }

  /** 0.0 to 100.0 percent (0.0 when absent), valid variables, {@code useStageCache} false when absent. */
  private static CanarySettings valid(CanarySettings canary) {
    double percent = orZero(canary.percentTraffic());
    if (!(percent >= 0.0 && percent <= 100.0)) {
      throw ApiException.badRequest("Invalid canarySettings percentTraffic: " + canary.percentTraffic()
          + " (expected: 0.0 to 100.0)");
    }
    StagesHandler.checkVariables(canary.stageVariableOverrides());
    return new CanarySettings(percent, canary.deploymentId(), canary.stageVariableOverrides(),
        Boolean.TRUE.equals(canary.useStageCache()));
  }

  /**
   * AWS's promotion: {@code copy} from {@code /canarySettings/deploymentId} to {@code /deploymentId},
   * and from {@code /canarySettings/stageVariableOverrides} to {@code /variables}, which sets each
   * overridden variable on the stage and keeps the others (as AWS answers it).
   */
  private static Stage promote(Stage stage, PatchOperation op) {
    boolean deployment = "/deploymentId".equals(op.path()) && "/canarySettings/deploymentId".equals(op.from());
    boolean variables = "/variables".equals(op.path()) && OVERRIDES.equals(op.from());
    if (!deployment && !variables) {
      throw ApiException.badRequest("Invalid copy operation with path: " + op.path() + " and from " + op.from()
          + ". Valid copy:path are [/deploymentId, /variables] and valid copy:from are"
          + " [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]");
    }
    CanarySettings canary = stage.canarySettings();
    if (canary == null) {
      throw ApiException.badRequest("Promotion not available. Canary does not exist.");
    }
    if (deployment) {
      return stage.withDeploymentId(canary.deploymentId());
    }
    Map<String, String> promoted = new LinkedHashMap<>(stage.variables() == null ? Map.of() : stage.variables());
    promoted.putAll(canary.stageVariableOverrides() == null ? Map.of() : canary.stageVariableOverrides());
    return stage.withVariables(promoted.isEmpty() ? null : promoted);
  }

  private static double orZero(Double percent) {
    return percent == null ? 0.0 : percent;
  }

  private static boolean isCanary(String path) {
    return path != null && (path.equals("/canarySettings") || path.startsWith("/canarySettings/"));
  }
}
