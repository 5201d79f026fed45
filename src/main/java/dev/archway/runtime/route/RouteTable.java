package dev.archway.runtime.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Immutable, thread-safe REST route table compiled at deploy time; a trie on path segments.
 *
 * <p>Precedence follows AWS REST APIs: a literal segment beats {@code {param}}, which beats a
 * greedy {@code {name+}}; earlier segments decide before later ones; an explicit method beats
 * {@code ANY} on the same resource. A request that matches nothing gets {@code null}, which the
 * caller answers with 403 Missing Authentication Token, as AWS does for unknown paths and methods.
 */
public final class RouteTable<T> {
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

  private final Node<T> root;
  private final List<Route<T>> routes; // sorted, for toString only

  private RouteTable(List<Route<T>> routes) {
    this.root = Node.of(routes, 0);
    this.routes = routes.stream()
        .sorted(Comparator.comparing((Route<T> r) -> r.path().text()).thenComparing(Route::method))
        .toList();
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Collects routes; not thread-safe. {@link #build()} copies, so a builder may be reused. */
  public static final class Builder<T> {
    private final List<Route<T>> routes = new ArrayList<>();
    private final Map<String, Route<T>> byShape = new HashMap<>();

    private Builder() {}

    /**
     * @param resourcePath as in AWS: "/", "/pets", "/pets/{petId}", "/files/{proxy+}"
     * @param httpMethod GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY
     * @throws IllegalArgumentException for a malformed path or method, a greedy segment that is
     *     not last, or a second route for the same path (parameter names aside) and method
     */
    public Builder<T> add(String resourcePath, String httpMethod, T target) {
      ResourcePath path = ResourcePath.parse(resourcePath);
      if (!METHODS.contains(httpMethod)) {
        throw new IllegalArgumentException("httpMethod: " + httpMethod
            + " (expected: one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, ANY)");
      }
      Objects.requireNonNull(target, "target");
      Route<T> route = new Route<>(path, httpMethod, target);
      Route<T> previous = byShape.putIfAbsent(httpMethod + " " + path.shape(), route);
      if (previous != null) {
        throw new IllegalArgumentException("route: " + route
            + " (expected: one route per path and method, already have " + previous + ")");
      }
      routes.add(route);
      return this;
    }

    public RouteTable<T> build() {
      return new RouteTable<>(List.copyOf(routes));
    }
  }

  /**
   * @param httpMethod the request method, case-sensitive as on AWS
   * @param rawPath the request path after the stage, still percent-encoded, starting with "/"
   *     ("" means "/"), without the query string
   * @return the match, or null when no route answers this method and path
   * @throws InvalidPathException when the path is hostile or ambiguous (answer 400)
   */
  public RouteMatch<T> match(String httpMethod, String rawPath) {
    Objects.requireNonNull(httpMethod, "httpMethod");
    Objects.requireNonNull(rawPath, "rawPath");
    String[] segments = RequestPath.segments(rawPath);
    Route<T> route = root.find(httpMethod, segments, 0);
    if (route == null) {
      return null;
    }
    return new RouteMatch<>(route.target(), route.path().text(), route.path().parameters(segments, rawPath));
  }

  /** One line per route, e.g. "GET /pets/{petId}", sorted by path then method. */
  @Override
  public String toString() {
    return routes.stream().map(Route::toString).collect(Collectors.joining("\n"));
  }
}
