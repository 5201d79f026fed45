package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a stage may say: its name, deployment, route settings and variables. */
final class StageRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9-._~:/?#&=,]{0,2048}");

  private StageRules() {}

  /**
   * HTTP and WebSocket APIs have no canary releases on AWS (their Stage has no canarySettings): a
   * request that sends one is refused rather than served without it.
   */
  static void noCanary(Call call) {
    if (Updates.has(call, "canarySettings")) {
      throw ApiException.badRequest("canarySettings: canary releases are a feature of REST APIs only"
          + " (expected: a REST API stage)");
    }
  }

  static Stage check(Documents docs, HttpApi api, Stage stage) {
    String name = Checks.required("stageName", stage.stageName());
    boolean defaultStage = api.isHttp() && name.equals(Stage.DEFAULT);
    if (!defaultStage && !NAME.matcher(name).matches()) {
      throw ApiException.badRequest("Invalid stageName: " + Checks.abbreviate(name) + " (expected: 1-128 letters, digits, - or _"
          + (api.isHttp() ? ", or $default" : "") + ")");
    }
    Checks.length("description", stage.description(), 0, 1024);
    if (stage.autoDeploys() && !api.isHttp()) {
      throw ApiException.badRequest("autoDeploy is supported only for HTTP APIs");
    }
    if (stage.deploymentId() != null) {
      V2Drafts.deployment(docs, api.apiId(), stage.deploymentId());
    }
    settings("defaultRouteSettings", stage.defaultRouteSettings());
    Map<String, RouteSettings> routeSettings = new LinkedHashMap<>();
    if (stage.routeSettings() != null && !stage.routeSettings().isEmpty()) {
      Set<String> keys = docs.list(V2Kinds.ROUTE, api.apiId()).stream().map(Route::routeKey).collect(Collectors.toSet());
      stage.routeSettings().forEach((key, settings) -> {
        if (!keys.contains(key)) {
          throw ApiException.notFound("Unable to find Route by key " + key + " within the provided RouteSettings");
        }
        settings("routeSettings." + key, settings);
        routeSettings.put(key, api.isHttp() ? http(settings) : settings);
      });
    }
    if (stage.accessLogSettings() != null) {
      Checks.required("accessLogSettings.destinationArn", stage.accessLogSettings().destinationArn());
      Checks.required("accessLogSettings.format", stage.accessLogSettings().format());
      Checks.length("accessLogSettings.format", stage.accessLogSettings().format(), 1, 1024);
    }
    if (!api.isHttp()) {
      return stage;
    }
    RouteSettings defaults = http(stage.defaultRouteSettings() == null ? new RouteSettings(null, false, null, null, null)
        : stage.defaultRouteSettings());
    return new Stage(stage.accessLogSettings(), stage.apiGatewayManaged(), stage.autoDeploy(), stage.clientCertificateId(),
        stage.createdDate(), defaults, stage.deploymentId(), stage.description(), stage.lastDeploymentStatusMessage(),
        stage.lastUpdatedDate(), routeSettings, stage.stageName(), stage.stageVariables(), stage.tags());
  }

  /**
   * Route settings of an HTTP API hold what AWS answers for them: detailedMetricsEnabled (false unless set)
   * and the throttle. HTTP APIs have no execution logs: asking for them is refused, as AWS refuses it.
   */
  private static RouteSettings http(RouteSettings settings) {
    if (Boolean.TRUE.equals(settings.dataTraceEnabled()) || (settings.loggingLevel() != null && !"OFF".equals(settings.loggingLevel()))) {
      throw ApiException.badRequest("Execution logs are not supported on protocolType HTTP");
    }
    return new RouteSettings(null, Boolean.TRUE.equals(settings.detailedMetricsEnabled()), null,
        settings.throttlingBurstLimit(), settings.throttlingRateLimit());
  }

  /** {@code current} with {@code changes} applied: a new value sets a variable, an empty one removes it. */
  static Map<String, String> variables(Map<String, String> current, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
    if (changes == null) {
      return merged;
    }
    changes.forEach((name, value) -> {
      if (!VARIABLE_NAME.matcher(name).matches()) {
        throw ApiException.badRequest("Invalid stage variable name: " + Checks.abbreviate(name) + " (expected: 1-64 letters, digits or _)");
      }
      if (value == null || !VARIABLE_VALUE.matcher(value).matches()) {
        throw ApiException.badRequest("Invalid value of stage variable " + name
            + " (expected: up to 2048 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,)");
      }
      if (value.isEmpty()) {
        merged.remove(name);
      } else {
        merged.put(name, value);
      }
    });
    return merged;
  }

  private static void settings(String member, RouteSettings settings) {
    if (settings == null) {
      return;
    }
    Checks.range(member + ".throttlingBurstLimit", settings.throttlingBurstLimit(), 0, Integer.MAX_VALUE);
    Checks.range(member + ".throttlingRateLimit", settings.throttlingRateLimit(), 0, Long.MAX_VALUE);
  }
}
