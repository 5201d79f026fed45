package dev.archway.runtime.route;

import java.util.Map;
import java.util.Objects;

/**
 * The route a request path matched.
 *
 * @param target what the route table was built with (e.g. the compiled method)
 * @param resourcePath the AWS resource path template, e.g. {@code /pets/{petId}}
 * @param pathParameters percent-decoded values by parameter name; for a greedy {@code {proxy+}}
 *     the remainder of the path joined with "/"
 */
public record RouteMatch<T>(T target, String resourcePath, Map<String, String> pathParameters) {
  public RouteMatch {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(resourcePath, "resourcePath");
    // copyOf returns an already-immutable map as is, so the route table pays nothing for this.
    pathParameters = Map.copyOf(pathParameters);
  }
}
