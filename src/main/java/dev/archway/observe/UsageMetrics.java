package dev.archway.observe;

import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.cloudwatch.metrics.MetricId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Archway's own usage analytics, in the namespace {@code Archway/Usage} beside AWS's: every kind of
 * API under the same names ({@code Count}, {@code 4xx}, {@code 5xx}, {@code Latency},
 * {@code Throttled}, {@code QuotaExceeded}), by {@code ApiId}; {@code ApiId, Stage};
 * {@code ApiId, Route, Stage}; and per API key {@code ApiKeyId}; {@code ApiId, ApiKeyId, Stage};
 * {@code ApiId, ApiKeyId, Route, Stage}. {@code Route} is a REST method as {@code GET /pets/{id}}, or
 * the route key of HTTP and WebSocket APIs. Always on: detailed metrics do not gate it.
 */
final class UsageMetrics {
  static final String NAMESPACE = "Archway/Usage";

  private UsageMetrics() {}

  static void emit(RouteTelemetry route, RouteCounters c, ApiGatewayMetrics.Out out) {
    if (c.count == 0) {
      return;
    }
    String routeName = routeName(route);
    emitSets(c, out, sets(route, routeName, null));
    if (c.byApiKey != null) {
      c.byApiKey.forEach((key, counters) -> emitSets(counters, out, sets(route, routeName, key)));
    }
  }

  /** {@code GET /pets/{id}} for a REST method; the route key otherwise; null for unrouted requests. */
  static String routeName(RouteTelemetry route) {
    if (route.route() == null) {
      return null;
    }
    return route.method() == null ? route.route() : route.method() + " " + route.route();
  }

  private static List<Map<String, String>> sets(RouteTelemetry route, String routeName, String apiKeyId) {
    String api = route.stage().apiId();
    String stage = route.stageDimension();
    List<Map<String, String>> sets = new ArrayList<>(4);
    if (apiKeyId == null) {
      sets.add(Map.of("ApiId", api));
      sets.add(Map.of("ApiId", api, "Stage", stage));
      if (routeName != null) {
        sets.add(Map.of("ApiId", api, "Stage", stage, "Route", routeName));
      }
    } else {
      sets.add(Map.of("ApiKeyId", apiKeyId));
      sets.add(Map.of("ApiId", api, "Stage", stage, "ApiKeyId", apiKeyId));
      if (routeName != null) {
        sets.add(Map.of("ApiId", api, "Stage", stage, "Route", routeName, "ApiKeyId", apiKeyId));
      }
    }
    return sets;
  }

  private static void emitSets(RouteCounters c, ApiGatewayMetrics.Out out, List<Map<String, String>> sets) {
    for (Map<String, String> set : sets) {
      put(out, set, "Count", ApiGatewayMetrics.COUNT, RouteCounters.ones(c.count));
      put(out, set, "4xx", ApiGatewayMetrics.COUNT, c.rate(c.clientErrors));
      put(out, set, "5xx", ApiGatewayMetrics.COUNT, c.rate(c.serverErrors));
      put(out, set, "Latency", ApiGatewayMetrics.MILLISECONDS, c.latency);
      put(out, set, "Throttled", ApiGatewayMetrics.COUNT, c.rate(c.throttles));
      put(out, set, "QuotaExceeded", ApiGatewayMetrics.COUNT, c.rate(c.quotaRefusals));
    }
  }

  private static void put(ApiGatewayMetrics.Out out, Map<String, String> dimensions, String name, String unit,
      Aggregate value) {
    out.put(MetricId.of(NAMESPACE, name, dimensions), unit, value);
  }
}
