package dev.archway.observe;

import dev.archway.runtime.ExecutionLog;

/**
 * How the requests of one route (a REST method, an HTTP API or WebSocket route) are observed,
 * fixed at compile time. Its identity is the key the metrics of its requests gather under, so
 * there is one per route per compiled stage. A canary request counts under its {@link #canary()}
 * twin, whose stage is {@code {stage}/Canary}, as on AWS.
 */
public final class RouteTelemetry {
  private final StageTelemetry stage;
  private final String route;
  private final String method;
  private final boolean detailedMetrics;
  private final boolean canary;
  private final String loggingLevel;
  private final boolean dataTrace;
  private final RouteTelemetry twin;
  /** Bound on the route's first request (Prometheus). */
  private volatile RouteMeters meters;

  /**
   * @param loggingLevel REST: the method's execution logging ({@code INFO}, {@code ERROR}), or null
   * @param dataTrace REST: whether its execution log has the request's and response's data
   */
  RouteTelemetry(StageTelemetry stage, String route, String method, boolean detailedMetrics, String loggingLevel,
      boolean dataTrace) {
    this.stage = stage;
    this.route = route;
    this.method = method;
    this.detailedMetrics = detailedMetrics;
    this.loggingLevel = loggingLevel;
    this.dataTrace = dataTrace;
    this.canary = false;
    this.twin = new RouteTelemetry(this);
  }

  private RouteTelemetry(RouteTelemetry main) {
    this.stage = main.stage;
    this.route = main.route;
    this.method = main.method;
    this.detailedMetrics = main.detailedMetrics;
    this.loggingLevel = main.loggingLevel;
    this.dataTrace = main.dataTrace;
    this.canary = true;
    this.twin = main;
  }

  public StageTelemetry stage() {
    return stage;
  }

  /** REST: the resource path; HTTP and WebSocket APIs: the route key; null for the stage's unrouted requests. */
  public String route() {
    return route;
  }

  /** REST: the method's HTTP method ({@code ANY} included); null otherwise. */
  public String method() {
    return method;
  }

  /** Whether AWS would send this route's own metrics (REST {@code metricsEnabled}, v2 {@code detailedMetricsEnabled}). */
  public boolean detailedMetrics() {
    return detailedMetrics && route != null;
  }

  /** A new execution log for one of this route's requests, as its method's logging settings ask ({@link ExecutionLog#OFF} mostly). */
  public ExecutionLog executionLog() {
    return loggingLevel == null ? ExecutionLog.OFF : ExecutionLog.of(loggingLevel, dataTrace);
  }

  public boolean isCanary() {
    return canary;
  }

  /** The stage dimension's value: {@code {stage}/Canary} for canary requests. */
  public String stageDimension() {
    return canary ? stage.stageName() + "/Canary" : stage.stageName();
  }

  /** The twin a canary request counts under (and back). */
  public RouteTelemetry canary() {
    return canary ? this : twin;
  }

  /** This route's Prometheus meters in {@code registry}, bound on first use. */
  RouteMeters meters(io.micrometer.core.instrument.MeterRegistry registry) {
    RouteMeters bound = meters;
    if (bound == null) {
      meters = bound = new RouteMeters(registry, this);
    }
    return bound;
  }

  @Override
  public String toString() {
    return stage.kind() + " " + stage.apiName() + "/" + stageDimension() + (route == null ? "" : " " + (method == null ? "" : method + " ") + route)
        + (detailedMetrics() ? " (detailed metrics)" : "");
  }
}
