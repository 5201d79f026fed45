package dev.archway.deploy;

import dev.archway.model.MethodSetting;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.observe.StageTelemetry;
import java.util.Map;

/**
 * Reads a stage's observability settings once, at compile time, into its {@link StageTelemetry}:
 * REST method settings ({@code metricsEnabled}: a method's own entry, else {@code *}{@code /*}, as
 * AWS applies them) and v2 route settings ({@code detailedMetricsEnabled}: the route's, else the
 * stage's {@code defaultRouteSettings}).
 */
final class TelemetryCompiler {
  private static final String ALL_METHODS = "*/*";

  private TelemetryCompiler() {}

  static StageTelemetry rest(String scope, String apiId, String apiName, dev.archway.model.Stage stage) {
    return StageTelemetry.rest(scope, apiId, apiName, stage.stageName());
  }

  /** REST: whether a method sends its own metrics. */
  static boolean metricsEnabled(dev.archway.model.Stage stage, String resourcePath, String httpMethod) {
    MethodSetting setting = methodSetting(stage, resourcePath, httpMethod);
    return setting != null && Boolean.TRUE.equals(setting.metricsEnabled());
  }

  /** The method's own settings ({@code ~1pets/GET}) when it has an entry, else the stage's ({@code *}{@code /*}). */
  static MethodSetting methodSetting(dev.archway.model.Stage stage, String resourcePath, String httpMethod) {
    Map<String, MethodSetting> settings = stage.methodSettings() == null ? Map.of() : stage.methodSettings();
    MethodSetting own = settings.get(resourcePath.replace("/", "~1") + "/" + httpMethod);
    return own != null ? own : settings.get(ALL_METHODS);
  }

  /** HTTP and WebSocket APIs: whether a route key sends its own metrics. */
  static boolean detailedMetrics(dev.archway.model.v2.Stage stage, String routeKey) {
    RouteSettings own = stage.routeSettings() == null ? null : stage.routeSettings().get(routeKey);
    if (own != null && own.detailedMetricsEnabled() != null) {
      return own.detailedMetricsEnabled();
    }
    RouteSettings defaults = stage.defaultRouteSettings();
    return defaults != null && Boolean.TRUE.equals(defaults.detailedMetricsEnabled());
  }
}
