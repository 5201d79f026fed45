package dev.archway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.model.MethodSetting;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.observe.AccessLog;
import dev.archway.observe.AccessLogFormat;
import dev.archway.observe.RouteTelemetry;
import dev.archway.observe.StageTelemetry;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a stage's observability settings once, at compile time, into its {@link StageTelemetry}:
 * REST method settings ({@code metricsEnabled}: a method's own entry, else {@code *}{@code /*}, as
 * AWS applies them), v2 route settings ({@code detailedMetricsEnabled}: the route's, else the
 * stage's {@code defaultRouteSettings}), the access log ({@code accessLogSettings}: its format
 * compiled, its destination resolved) and {@code tracingEnabled}. What cannot be served is said in
 * one WARN line per compile, never dropped silently.
 */
final class TelemetryCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryCompiler.class);
  private static final String ALL_METHODS = "*/*";

  private TelemetryCompiler() {}

  /** @param account the API owner's account ({@code $context.accountId}) */
  static StageTelemetry rest(String scope, String account, String apiId, String apiName, dev.archway.model.Stage stage) {
    boolean traced = Boolean.TRUE.equals(stage.tracingEnabled());
    JsonNode settings = stage.accessLogSettings() == null ? null : Json.MAPPER.valueToTree(stage.accessLogSettings());
    AccessLog accessLog = settings == null ? null : accessLog("REST API " + apiId + " stage " + stage.stageName(),
        settings.path("destinationArn").asText(null), settings.path("format").asText(null), account, traced);
    return StageTelemetry.rest(scope, apiId, apiName, stage.stageName(), accessLog, traced);
  }

  static StageTelemetry http(String scope, String account, String apiId, dev.archway.model.v2.Stage stage) {
    return StageTelemetry.http(scope, apiId, stage.stageName(), accessLog(apiId, account, stage));
  }

  static StageTelemetry webSocket(String scope, String account, String apiId, dev.archway.model.v2.Stage stage,
      Iterable<String> routeKeys) {
    Predicate<String> detailed = key -> detailedMetrics(stage, key);
    return StageTelemetry.webSocket(scope, apiId, stage.stageName(), routeKeys, detailed, accessLog(apiId, account, stage));
  }

  private static AccessLog accessLog(String apiId, String account, dev.archway.model.v2.Stage stage) {
    var settings = stage.accessLogSettings();
    return settings == null ? null : accessLog("API " + apiId + " stage " + stage.stageName(), settings.destinationArn(),
        settings.format(), account, false);
  }

  /** The compiled access log, or null (with a WARN line) when it cannot be written. */
  private static AccessLog accessLog(String where, String destinationArn, String format, String account, boolean traced) {
    if (format == null || format.isEmpty()) {
      return null; // AWS keeps no access log without a format
    }
    AccessLogFormat compiled = AccessLogFormat.compile(format, account, traced);
    if (!compiled.unknownVariables().isEmpty()) {
      LOG.warn("{}: access log format: {} not defined by AWS; written as they are", where, compiled.unknownVariables());
    }
    try {
      return AccessLog.of(destinationArn, compiled);
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: no access log is written: {}", where, e.getMessage());
      return null;
    }
  }

  /** REST: a method's telemetry: whether it sends its own metrics, its execution logging. */
  static RouteTelemetry route(StageTelemetry telemetry, dev.archway.model.Stage stage, String resourcePath,
      String httpMethod) {
    MethodSetting setting = methodSetting(stage, resourcePath, httpMethod);
    if (setting == null) {
      return telemetry.route(resourcePath, httpMethod, false);
    }
    String level = "INFO".equals(setting.loggingLevel()) || "ERROR".equals(setting.loggingLevel()) ? setting.loggingLevel()
        : null;
    return telemetry.route(resourcePath, httpMethod, Boolean.TRUE.equals(setting.metricsEnabled()), level,
        Boolean.TRUE.equals(setting.dataTraceEnabled()));
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

  /** The account of a store scope ({@code account:region}), else {@code fallback}. */
  static String account(String scope, String fallback) {
    return scope != null && scope.indexOf(':') > 0 ? scope.substring(0, scope.indexOf(':')) : fallback;
  }
}
