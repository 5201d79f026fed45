package dev.archway.delivery;

import dev.archway.model.MethodSetting;
import dev.archway.model.QuotaSettings;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.v2.Stage.RouteSettings;
import java.util.List;
import java.util.Map;

/**
 * What a file's {@code x-archway} member declares beside the OpenAPI definition: the API's type and
 * identity, its stages and (REST APIs) its usage plans with their API keys. Members carry AWS's names
 * (those of GetStage, CreateUsagePlan, CreateApiKey); maps are keyed by the name that identifies the
 * resource across runs.
 */
public record Declaration(
    Type type, String id, Map<String, RestStage> restStages, Map<String, HttpStage> httpStages,
    Map<String, UsagePlan> usagePlans) {

  public enum Type { REST, HTTP }

  /** A REST API stage; {@code methodSettings} keyed as GetStage keys them ({@code *}{@code /*}, {@code ~1pets/GET}). */
  public record RestStage(
      String description, String deploymentDescription, Map<String, String> variables,
      Map<String, MethodSetting> methodSettings) {}

  /** An HTTP API stage; {@code routeSettings} keyed by route key. */
  public record HttpStage(
      String description, String deploymentDescription, Boolean autoDeploy, Map<String, String> stageVariables,
      RouteSettings defaultRouteSettings, Map<String, RouteSettings> routeSettings) {

    boolean autoDeploys() {
      return Boolean.TRUE.equals(autoDeploy);
    }
  }

  /** A usage plan: its API stages are stages of this file's API; its keys are named here. */
  public record UsagePlan(
      String description, ThrottleSettings throttle, QuotaSettings quota, List<ApiStage> apiStages,
      Map<String, ApiKey> apiKeys) {}

  /** {@code throttle} keyed {@code /pets/GET}, as CreateUsagePlan keys it. */
  public record ApiStage(String stage, Map<String, ThrottleSettings> throttle) {}

  /** {@code value}: the key's value once the file is read (a {@code ${NAME}} resolved), or null to let the server generate one. */
  public record ApiKey(String description, Boolean enabled, String value) {
    boolean enabledOrDefault() {
      return enabled == null || enabled;
    }

    /** Never print a key's value. */
    @Override
    public String toString() {
      return "ApiKey[description=" + description + ", enabled=" + enabled + ", value=" + (value == null ? "generated" : "****") + "]";
    }
  }
}
