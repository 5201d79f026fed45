package dev.archway.observe;

import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.cloudwatch.metrics.MetricId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS's {@code AWS/ApiGateway} metrics of what a route's requests came to: the names, units and
 * dimensions of each kind of API, as the developer guide lists them. REST APIs: {@code Count},
 * {@code 4XXError}, {@code 5XXError}, {@code Latency}, {@code IntegrationLatency},
 * {@code CacheHitCount}, {@code CacheMissCount} by {@code ApiName}, {@code ApiName, Stage} and, with
 * detailed metrics, {@code ApiName, Method, Resource, Stage}. HTTP APIs: {@code Count}, {@code 4xx},
 * {@code 5xx}, {@code Latency}, {@code IntegrationLatency}, {@code DataProcessed} by {@code ApiId},
 * {@code ApiId, Stage} and {@code ApiId, Route, Stage}. WebSocket APIs: {@code ConnectCount},
 * {@code MessageCount}, {@code IntegrationError}, {@code ClientError}, {@code ExecutionError},
 * {@code IntegrationLatency} by the same dimensions as HTTP APIs.
 */
final class ApiGatewayMetrics {
  static final String NAMESPACE = "AWS/ApiGateway";
  static final String COUNT = "Count";
  static final String MILLISECONDS = "Milliseconds";
  static final String BYTES = "Bytes";

  /** Where a metric's minute goes. */
  interface Out {
    void put(MetricId metric, String unit, Aggregate value);
  }

  private ApiGatewayMetrics() {}

  static void emit(RouteTelemetry route, RouteCounters c, Out out) {
    if (c.count == 0) {
      return;
    }
    List<Map<String, String>> dimensions = dimensions(route);
    switch (route.stage().kind()) {
      case REST -> {
        put(out, dimensions, COUNT, COUNT, RouteCounters.ones(c.count));
        put(out, dimensions, "4XXError", COUNT, c.rate(c.clientErrors));
        put(out, dimensions, "5XXError", COUNT, c.rate(c.serverErrors));
        put(out, dimensions, "Latency", MILLISECONDS, c.latency);
        put(out, dimensions, "IntegrationLatency", MILLISECONDS, c.integrationLatency);
        if (c.cacheHits + c.cacheMisses > 0) {
          put(out, dimensions, "CacheHitCount", COUNT, c.rate(c.cacheHits));
          put(out, dimensions, "CacheMissCount", COUNT, c.rate(c.cacheMisses));
        }
      }
      case HTTP -> {
        put(out, dimensions, COUNT, COUNT, RouteCounters.ones(c.count));
        put(out, dimensions, "4xx", COUNT, c.rate(c.clientErrors));
        put(out, dimensions, "5xx", COUNT, c.rate(c.serverErrors));
        put(out, dimensions, "Latency", MILLISECONDS, c.latency);
        put(out, dimensions, "IntegrationLatency", MILLISECONDS, c.integrationLatency);
        Aggregate processed = new Aggregate();
        processed.addSet(c.count, c.bytes, c.bytesMin, c.bytesMax);
        put(out, dimensions, "DataProcessed", BYTES, processed);
      }
      case WEBSOCKET -> {
        String key = route.route();
        if ("$connect".equals(key)) {
          put(out, dimensions, "ConnectCount", COUNT, RouteCounters.ones(c.count));
        } else if (!"$disconnect".equals(key)) {
          // Messages from the client, and the replies sent back to it.
          put(out, dimensions, "MessageCount", COUNT, RouteCounters.ones(c.count + c.answered));
        }
        put(out, dimensions, "ClientError", COUNT, c.rate(c.gatewayClientErrors));
        put(out, dimensions, "IntegrationError", COUNT, c.rate(c.integrationErrors));
        put(out, dimensions, "ExecutionError", COUNT, c.rate(c.executionErrors));
        put(out, dimensions, "IntegrationLatency", MILLISECONDS, c.integrationLatency);
      }
      default -> { }
    }
  }

  /** The dimension sets a route's requests count under, coarsest first. */
  static List<Map<String, String>> dimensions(RouteTelemetry route) {
    StageTelemetry stage = route.stage();
    List<Map<String, String>> sets = new ArrayList<>(3);
    if (stage.kind() == StageTelemetry.Kind.REST) {
      sets.add(Map.of("ApiName", stage.apiName()));
      sets.add(Map.of("ApiName", stage.apiName(), "Stage", route.stageDimension()));
      if (route.detailedMetrics()) {
        sets.add(Map.of("ApiName", stage.apiName(), "Stage", route.stageDimension(), "Resource", route.route(),
            "Method", route.method()));
      }
    } else {
      sets.add(Map.of("ApiId", stage.apiId()));
      sets.add(Map.of("ApiId", stage.apiId(), "Stage", route.stageDimension()));
      if (route.detailedMetrics()) {
        sets.add(Map.of("ApiId", stage.apiId(), "Stage", route.stageDimension(), "Route", route.route()));
      }
    }
    return sets;
  }

  private static void put(Out out, List<Map<String, String>> dimensions, String name, String unit, Aggregate value) {
    if (value == null) {
      return;
    }
    for (Map<String, String> set : dimensions) {
      out.put(MetricId.of(NAMESPACE, name, set), unit, value);
    }
  }
}
