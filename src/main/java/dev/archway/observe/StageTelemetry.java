package dev.archway.observe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How one served stage is observed, fixed when its deployment is compiled: which kind of API it is
 * (that decides AWS's metric names and dimensions), the names its metrics carry, and the telemetry
 * of the requests no route took. Immutable; every request of the stage reads it.
 */
public final class StageTelemetry {
  /** A stage nobody measures (the {@code @connections} API, test invocations). */
  public static final StageTelemetry NONE = new StageTelemetry(Kind.NONE, null, null, null, null, null, false);

  /** The kind of API: each has its own metric names and dimensions on AWS. */
  public enum Kind {
    /** REST APIs: {@code Count}, {@code 4XXError}... by {@code ApiName}. */
    REST,
    /** HTTP APIs: {@code Count}, {@code 4xx}... by {@code ApiId}. */
    HTTP,
    /** WebSocket APIs: {@code ConnectCount}, {@code MessageCount}... by {@code ApiId}. */
    WEBSOCKET,
    /** Not measured. */
    NONE
  }

  private final Kind kind;
  private final String scope;
  private final String apiId;
  private final String apiName;
  private final String stageName;
  private final RouteTelemetry unrouted;
  private final Map<String, RouteTelemetry> webSocketRoutes = new HashMap<>();
  private final AccessLog accessLog;
  private final boolean traced;

  private StageTelemetry(Kind kind, String scope, String apiId, String apiName, String stageName, AccessLog accessLog,
      boolean traced) {
    this.accessLog = accessLog;
    this.traced = traced;
    this.kind = kind;
    this.scope = scope;
    this.apiId = apiId;
    this.apiName = apiName;
    this.stageName = stageName;
    this.unrouted = kind == Kind.NONE ? null : new RouteTelemetry(this, null, null, false, null, false);
  }

  /**
   * @param scope {@code account:region} of the API (its metrics belong there), or null for the server's own
   * @param apiName the API's name, which becomes the {@code ApiName} dimension
   */
  public static StageTelemetry rest(String scope, String apiId, String apiName, String stageName) {
    return rest(scope, apiId, apiName, stageName, null, false);
  }

  /**
   * @param accessLog the stage's access log, or null
   * @param traced whether the stage traces its requests ({@code tracingEnabled})
   */
  public static StageTelemetry rest(String scope, String apiId, String apiName, String stageName, AccessLog accessLog,
      boolean traced) {
    return new StageTelemetry(Kind.REST, scope, apiId, apiNameDimension(apiName, apiId), stageName, accessLog, traced);
  }

  public static StageTelemetry http(String scope, String apiId, String stageName) {
    return http(scope, apiId, stageName, null);
  }

  public static StageTelemetry http(String scope, String apiId, String stageName, AccessLog accessLog) {
    return new StageTelemetry(Kind.HTTP, scope, apiId, apiId, stageName, accessLog, false);
  }

  /** @param detailed whether a route key has detailed metrics on ({@code detailedMetricsEnabled}) */
  public static StageTelemetry webSocket(String scope, String apiId, String stageName, Iterable<String> routeKeys,
      Predicate<String> detailed) {
    return webSocket(scope, apiId, stageName, routeKeys, detailed, null);
  }

  public static StageTelemetry webSocket(String scope, String apiId, String stageName, Iterable<String> routeKeys,
      Predicate<String> detailed, AccessLog accessLog) {
    StageTelemetry stage = new StageTelemetry(Kind.WEBSOCKET, scope, apiId, apiId, stageName, accessLog, false);
    routeKeys.forEach(key -> stage.webSocketRoutes.put(key, new RouteTelemetry(stage, key, null, detailed.test(key), null, false)));
    return stage;
  }

  /**
   * AWS "removes non-ASCII characters from the ApiName dimension before sending metrics to
   * CloudWatch. If the APIName contains no ASCII characters, the API ID is used as the ApiName."
   */
  static String apiNameDimension(String name, String apiId) {
    if (name == null) {
      return apiId;
    }
    StringBuilder ascii = new StringBuilder(name.length());
    name.chars().filter(c -> c < 128).forEach(c -> ascii.append((char) c));
    return ascii.isEmpty() ? apiId : ascii.toString();
  }

  public Kind kind() {
    return kind;
  }

  /** {@code account:region} of the API, or null for the server's own. */
  public String scope() {
    return scope;
  }

  public String apiId() {
    return apiId;
  }

  /** REST: the {@code ApiName} dimension; other kinds: the API id. */
  public String apiName() {
    return apiName;
  }

  public String stageName() {
    return stageName;
  }

  /** The stage's access log, or null when it has none. */
  public AccessLog accessLog() {
    return accessLog;
  }

  /** Whether the stage traces its requests ({@code tracingEnabled}). */
  public boolean traced() {
    return traced;
  }

  /** The telemetry of a REST method or an HTTP API route of this stage; one per route, made at compile time. */
  public RouteTelemetry route(String route, String method, boolean detailedMetrics) {
    return route(route, method, detailedMetrics, null, false);
  }

  /**
   * A REST method's telemetry with its execution logging.
   *
   * @param loggingLevel {@code INFO} or {@code ERROR}, else null (no execution log)
   */
  public RouteTelemetry route(String route, String method, boolean detailedMetrics, String loggingLevel, boolean dataTrace) {
    return kind == Kind.NONE ? null : new RouteTelemetry(this, route, method, detailedMetrics, loggingLevel, dataTrace);
  }

  /** The telemetry of a WebSocket route by its key; null when the stage has no such route. */
  public RouteTelemetry webSocketRoute(String routeKey) {
    return routeKey == null ? null : webSocketRoutes.get(routeKey);
  }

  /** What requests of this stage no route took (403 Missing Authentication Token, 404) count under; null when not measured. */
  public RouteTelemetry unrouted() {
    return unrouted;
  }

  @Override
  public String toString() {
    return kind == Kind.NONE ? "telemetry off" : "telemetry " + kind + " " + apiName + "/" + stageName;
  }
}
