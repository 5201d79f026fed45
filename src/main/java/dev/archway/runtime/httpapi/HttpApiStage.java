package dev.archway.runtime.httpapi;

import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;

/**
 * One stage of an HTTP API with its deployment compiled. {@code stage} carries the route table
 * (routes with a method and path; {@code ANY} covers what no explicit method takes), the variables
 * and the ids; {@code defaultRoute} answers what no route matches, or is null; {@code cors} is
 * null when the API has no CORS configuration.
 */
public record HttpApiStage(CompiledStage stage, CompiledRoute defaultRoute, CorsPolicy cors) {

  @Override
  public String toString() {
    return stage + (defaultRoute == null ? "" : " + $default route") + (cors == null ? "" : ", " + cors);
  }
}
