package dev.archway.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.cloudwatch.metrics.Dimension;
import dev.archway.cloudwatch.metrics.MetricId;
import dev.archway.cloudwatch.metrics.MetricStore;
import dev.archway.model.Json;
import dev.archway.store.MetricRows;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /archway/usage} on the management listener: the {@code Archway/Usage} metrics of one
 * API (or API key), stage, route, as a JSON time series the console charts — requests, 4xx, 5xx,
 * throttled and quota-refused requests, latency average, percentiles and maximum per period, with
 * totals; {@code by=Route|ApiKeyId|Stage} gives one series per value of that dimension. Read from
 * the metric store on a worker thread. The README documents the URL and the shape.
 */
public final class UsageAnalytics {
  private static final List<String> COUNTS = List.of("Count", "4xx", "5xx", "Throttled", "QuotaExceeded");
  private static final Map<String, String> FIELDS = Map.of("Count", "requests", "4xx", "4xx", "5xx", "5xx",
      "Throttled", "throttled", "QuotaExceeded", "quotaExceeded");
  private static final List<String> FILTERS = List.of("ApiId", "Stage", "Route", "ApiKeyId");
  private static final int MAX_POINTS = 1440;

  private final Vertx vertx;
  private final MetricStore metrics;
  private final String scope;

  /** @param scope {@code account:region} whose metrics are read unless a request names others */
  public UsageAnalytics(Vertx vertx, MetricStore metrics, String scope) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.scope = scope;
  }

  public void mount(Router router) {
    router.get("/archway/usage").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    Query query;
    try {
      query = Query.of(ctx.request().params(), metrics.clock().instant(), scope);
    } catch (IllegalArgumentException e) {
      ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
          .end(Json.MAPPER.createObjectNode().put("message", e.getMessage()).toString());
      return;
    }
    vertx.executeBlocking(() -> answer(query).toString(), false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").end(ar.result());
    });
  }

  /** What a request asks: the dimensions, the optional one to group by, the time span and period. */
  record Query(String scope, Map<String, String> dimensions, String by, long from, long to, int period) {
    static Query of(MultiMap params, Instant now, String defaultScope) {
      Map<String, String> dimensions = new TreeMap<>();
      for (String name : FILTERS) {
        String value = params.get(name.substring(0, 1).toLowerCase() + name.substring(1));
        if (value != null && !value.isEmpty()) {
          dimensions.put(name, value);
        }
      }
      if (!dimensions.containsKey("ApiId") && !dimensions.containsKey("ApiKeyId")) {
        throw new IllegalArgumentException("apiId or apiKeyId is required");
      }
      String by = params.get("by");
      if (by != null && (!FILTERS.contains(by) || by.equals("ApiId") || dimensions.containsKey(by))) {
        throw new IllegalArgumentException("by: " + by + " (expected: Stage, Route or ApiKeyId, not also a filter)");
      }
      long to = time(params.get("end"), now.getEpochSecond(), "end");
      long from = time(params.get("start"), to - 3600, "start");
      int period = params.get("period") == null ? 60 : number(params.get("period"));
      if (period < 60 || period % 60 != 0 || from >= to || (to - from) / period > MAX_POINTS) {
        throw new IllegalArgumentException("period must be a multiple of 60 seconds, start before end, and at most "
            + MAX_POINTS + " periods");
      }
      String region = params.get("region");
      String account = params.get("accountId");
      String[] parts = defaultScope.split(":", 2);
      String scope = (account != null ? account : parts[0]) + ":" + (region != null ? region : parts[1]);
      return new Query(scope, dimensions, by, from - Math.floorMod(from, 60), to, period);
    }

    private static long time(String value, long fallback, String name) {
      if (value == null || value.isEmpty()) {
        return fallback;
      }
      try {
        return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value) : Instant.parse(value).getEpochSecond();
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: epoch seconds or ISO 8601)");
      }
    }

    private static int number(String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("period: " + value + " (expected: seconds)");
      }
    }
  }

  private ObjectNode answer(Query query) {
    ObjectNode out = Json.MAPPER.createObjectNode().put("namespace", UsageMetrics.NAMESPACE)
        .put("start", Instant.ofEpochSecond(query.from()).toString()).put("end", Instant.ofEpochSecond(query.to()).toString())
        .put("period", query.period());
    ArrayNode series = out.putArray("series");
    for (Map<String, String> dimensions : groups(query)) {
      series.add(series(query, dimensions));
    }
    return out;
  }

  /** The dimension sets to read: the query's, or one per value of {@code by} seen in the span. */
  private List<Map<String, String>> groups(Query query) {
    if (query.by() == null) {
      return List.of(query.dimensions());
    }
    TreeSet<String> values = new TreeSet<>();
    for (MetricRows.Series series : metrics.series(query.scope(), UsageMetrics.NAMESPACE, "Count", query.from() * 1000)) {
      Map<String, String> dimensions = new TreeMap<>();
      for (Dimension d : MetricId.parseKey(series.dimensions())) {
        dimensions.put(d.name(), d.value());
      }
      String value = dimensions.remove(query.by());
      if (value != null && dimensions.equals(query.dimensions())) {
        values.add(value);
      }
    }
    return values.stream().map(value -> {
      Map<String, String> dimensions = new TreeMap<>(query.dimensions());
      dimensions.put(query.by(), value);
      return (Map<String, String>) dimensions;
    }).toList();
  }

  private ObjectNode series(Query query, Map<String, String> dimensions) {
    int resolution = metrics.resolutionFor(query.from());
    Map<Long, Map<String, Aggregate>> periods = new TreeMap<>();
    Map<String, Aggregate> totals = new LinkedHashMap<>();
    for (String name : concat(COUNTS, "Latency")) {
      var points = metrics.points(query.scope(), MetricId.of(UsageMetrics.NAMESPACE, name, dimensions), resolution,
          query.from(), query.to());
      points.forEach((start, byUnit) -> byUnit.values().forEach(value -> {
        long period = start - Math.floorMod(start - query.from(), query.period());
        periods.computeIfAbsent(period, p -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new Aggregate()).merge(value);
        totals.computeIfAbsent(name, n -> new Aggregate()).merge(value);
      }));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode dims = out.putObject("dimensions");
    dimensions.forEach(dims::put);
    figures(out.putObject("totals"), totals);
    ArrayNode points = out.putArray("points");
    periods.forEach((start, values) -> figures(points.addObject().put("timestamp", Instant.ofEpochSecond(start).toString()),
        values));
    return out;
  }

  private static void figures(ObjectNode out, Map<String, Aggregate> values) {
    for (String name : COUNTS) {
      Aggregate value = values.get(name);
      out.put(FIELDS.get(name), value == null ? 0 : Math.round(value.sum()));
    }
    Aggregate latency = values.get("Latency");
    ObjectNode ms = out.putObject("latencyMs");
    if (latency != null && latency.sampleCount() > 0) {
      ms.put("average", latency.average()).put("maximum", latency.maximum());
      for (int p : new int[] {50, 90, 99}) {
        double value = latency.percentile(p);
        if (!Double.isNaN(value)) {
          ms.put("p" + p, value);
        }
      }
    }
  }

  private static List<String> concat(List<String> list, String last) {
    return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
  }
}
