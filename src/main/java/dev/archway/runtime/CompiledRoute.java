package dev.archway.runtime;

import dev.archway.observe.RouteTelemetry;

/**
 * One method of one resource of a deployment, ready to serve: its steps are fixed.
 *
 * @param telemetry how its requests are observed (metrics, logs); null when they are not
 */
public record CompiledRoute(String resourcePath, String httpMethod, Pipeline pipeline, String resourceId,
    RouteTelemetry telemetry) {

  public CompiledRoute(String resourcePath, String httpMethod, Pipeline pipeline, String resourceId) {
    this(resourcePath, httpMethod, pipeline, resourceId, null);
  }

  public CompiledRoute(String resourcePath, String httpMethod, Pipeline pipeline) {
    this(resourcePath, httpMethod, pipeline, null);
  }

  public CompiledRoute withTelemetry(RouteTelemetry observed) {
    return new CompiledRoute(resourcePath, httpMethod, pipeline, resourceId, observed);
  }

  @Override
  public String toString() {
    return httpMethod + " " + resourcePath + ": " + pipeline;
  }
}
