package dev.archway.deploy;

import dev.archway.model.Method;
import dev.archway.model.MethodSetting;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.runtime.ApiKeyStep;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.QuotaStep;
import dev.archway.runtime.Step;
import dev.archway.runtime.ThrottleStep;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.RateLimiter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access-control steps of each method, in AWS's order before request validation: API key
 * (when {@code apiKeyRequired}), throttle, quota (with a key). The stage's method throttles are
 * resolved here, at compile time, into named buckets that outlive recompiles; keys, plans and the
 * account throttle change without a redeploy, so the steps read those from {@link LiveAccess}.
 */
public final class UsageControls {
  /** Compiles no access control (unit tests of the compiler). */
  public static final UsageControls NONE = new UsageControls(null, null);

  private static final String ALL_METHODS = "*/*";
  private static final String STAGE_BUCKETS = "stage/";

  private final LiveAccess access;
  private final Buckets buckets;

  public UsageControls(LiveAccess access, Buckets buckets) {
    this.access = access;
    this.buckets = buckets;
  }

  /**
   * Forgets the stage buckets of the API that none of {@code served} uses (deleted stages and
   * methods, changed settings); called once its stages are published, an empty list once it is deleted.
   */
  void retain(String apiId, Collection<CompiledStage> served) {
    if (buckets != null) {
      buckets.retain(STAGE_BUCKETS + apiId + "/", CompiledStage.bucketsOf(served));
    }
  }

  /** The controls of one stage of one API. */
  ForStage forStage(String apiId, Stage stage, RestApi api) {
    return new ForStage(apiId, stage, ApiKeyStep.Source.of(api == null ? null : api.apiKeySource()));
  }

  final class ForStage {
    private final String apiId;
    private final Stage stage;
    private final ApiKeyStep.Source source;
    private final Set<String> bucketsUsed = new HashSet<>();

    private ForStage(String apiId, Stage stage, ApiKeyStep.Source source) {
      this.apiId = apiId;
      this.stage = stage;
      this.source = source;
    }

    /** The method's API key, throttle and quota steps, in AWS order; none without usage controls. */
    List<Step> steps(String resourcePath, String httpMethod, Method method) {
      if (access == null) {
        return List.of();
      }
      boolean keyRequired = Boolean.TRUE.equals(method.apiKeyRequired());
      List<Step> all = new ArrayList<>();
      if (keyRequired) {
        all.add(new ApiKeyStep(access, AccessRules.stageKey(apiId, stage.stageName()), source));
      }
      all.add(new ThrottleStep(access, apiId, resourcePath + "/" + httpMethod, stageLimit(resourcePath, httpMethod)));
      if (keyRequired) {
        all.add(new QuotaStep());
      }
      return all;
    }

    /**
     * AWS applies stage throttles per method: the method's own settings ({@code ~1pets/GET}) when
     * they set a limit, else the stage default ({@code *}{@code /*}), each method with its own bucket.
     */
    private RateLimiter stageLimit(String resourcePath, String httpMethod) {
      Map<String, MethodSetting> settings = stage.methodSettings() == null ? Map.of() : stage.methodSettings();
      String key = resourcePath.replace("/", "~1") + "/" + httpMethod;
      MethodSetting setting = limits(settings.get(key)) ? settings.get(key) : settings.get(ALL_METHODS);
      if (!limits(setting)) {
        return null;
      }
      String id = STAGE_BUCKETS + apiId + "/" + stage.stageName() + "/" + key;
      bucketsUsed.add(id);
      return buckets.bucket(id, setting.throttlingRateLimit(), setting.throttlingBurstLimit());
    }

    /** The names of the buckets the methods compiled so far draw from. */
    Set<String> bucketsUsed() {
      return Set.copyOf(bucketsUsed);
    }

    private static boolean limits(MethodSetting setting) {
      return setting != null && setting.throttlingRateLimit() != null && setting.throttlingBurstLimit() != null;
    }
  }

  @Override
  public String toString() {
    return access == null ? "UsageControls(none)" : "UsageControls(" + buckets + ")";
  }
}
