package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Route keys. HTTP APIs: {@code $default} or {@code METHOD /path}, where a path segment is a
 * literal, a {@code {name}} variable or, last only, a greedy {@code {name+}}. WebSocket APIs:
 * {@code $connect}, {@code $disconnect}, {@code $default} or any selection key.
 */
final class RouteKeys {
  static final String DEFAULT = "$default";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*,;=:@-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9._-]+\\+?}");

  private RouteKeys() {}

  /** Checks a route key; returns its shape for conflict detection (variable names do not tell two routes apart). */
  static String check(boolean http, String routeKey) {
    Checks.required("routeKey", routeKey);
    Checks.length("routeKey", routeKey, 1, 128);
    if (!http || routeKey.equals(DEFAULT)) {
      return routeKey;
    }
    int space = routeKey.indexOf(' ');
    if (space < 0 || !METHODS.contains(routeKey.substring(0, space))) {
      throw invalid(routeKey, "'$default' or '<METHOD> /<path>' with METHOD one of " + METHODS);
    }
    String path = routeKey.substring(space + 1);
    if (path.equals("/")) {
      return routeKey;
    }
    if (!path.startsWith("/") || path.endsWith("/")) {
      throw invalid(routeKey, "a path that starts with '/' and does not end with '/'");
    }
    String[] segments = path.substring(1).split("/", -1);
    StringBuilder shape = new StringBuilder(routeKey.substring(0, space)).append(' ');
    Set<String> names = new HashSet<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      shape.append('/');
      if (VARIABLE.matcher(segment).matches()) {
        boolean greedy = segment.endsWith("+}");
        if (greedy && i != segments.length - 1) {
          throw invalid(routeKey, "a greedy path variable {name+} only as the last segment");
        }
        if (!names.add(segment.substring(1, segment.length() - (greedy ? 2 : 1)))) {
          throw invalid(routeKey, "each path variable name once");
        }
        shape.append(greedy ? "{+}" : "{}");
      } else if (LITERAL.matcher(segment).matches()) {
        shape.append(segment);
      } else {
        throw invalid(routeKey, "path segments that are literals or whole {variables}; got '" + segment + "'");
      }
    }
    return shape.toString();
  }

  private static ApiException invalid(String routeKey, String expected) {
    return ApiException.badRequest("Invalid routeKey: " + Checks.abbreviate(routeKey) + " (expected: " + expected + ")");
  }
}
