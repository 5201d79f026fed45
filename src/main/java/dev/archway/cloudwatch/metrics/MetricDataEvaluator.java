package dev.archway.cloudwatch.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.cloudwatch.metrics.MathExpression.Array;
import dev.archway.cloudwatch.metrics.MathExpression.Binary;
import dev.archway.cloudwatch.metrics.MathExpression.Call;
import dev.archway.cloudwatch.metrics.MathExpression.Negate;
import dev.archway.cloudwatch.metrics.MathExpression.Ref;
import dev.archway.cloudwatch.metrics.MathExpression.Text;
import dev.archway.cloudwatch.metrics.MathValue.Many;
import dev.archway.cloudwatch.metrics.MathValue.Scalar;
import dev.archway.cloudwatch.metrics.MathValue.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates the queries of one GetMetricData request (or one metric-math alarm) over [start, end):
 * MetricStat queries read the store, expressions combine them; each query is evaluated once,
 * whatever order the ids are referenced in, and a cycle is refused.
 */
final class MetricDataEvaluator {
  private static final int MAX_SEARCH_SERIES = 500;

  private final MetricQuery query;
  private final String scope;
  private final long start;
  private final long end;
  private final Map<String, JsonNode> queries = new LinkedHashMap<>();
  private final Map<String, MathValue> values = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  MetricDataEvaluator(MetricQuery query, String scope, long start, long end, JsonNode list) {
    this.query = query;
    this.scope = scope;
    this.start = start;
    this.end = end;
    list.forEach(q -> queries.put(q.path("Id").asText(), q));
  }

  /** The value of query {@code id}. @throws IllegalArgumentException for an expression that cannot be evaluated */
  MathValue value(String id) {
    MathValue known = values.get(id);
    if (known != null) {
      return known;
    }
    JsonNode q = queries.get(id);
    if (q == null) {
      throw new IllegalArgumentException("Unrecognized identifier " + id);
    }
    if (!evaluating.add(id)) {
      throw new IllegalArgumentException("Circular reference involving " + id);
    }
    MathValue value = q.has("MetricStat") ? stat(q) : evaluate(MathExpression.parse(q.path("Expression").asText()), period(q));
    evaluating.remove(id);
    values.put(id, value);
    return value;
  }

  private Series stat(JsonNode q) {
    JsonNode stat = q.get("MetricStat");
    MetricId metric = MetricId.fromWire(stat.path("Metric"));
    Statistic statistic = Statistic.parse(stat.path("Stat").asText());
    if (statistic == null) {
      throw new IllegalArgumentException("Unsupported statistic " + stat.path("Stat").asText());
    }
    int period = MetricsOperations.period(stat.path("Period").asInt(), "MetricStat.Period");
    TreeMap<Long, Double> out = new TreeMap<>();
    query.merged(scope, metric, start, end, period, stat.path("Unit").asText(null)).forEach((t, aggregate) -> {
      double v = statistic.of(aggregate);
      if (!Double.isNaN(v)) {
        out.put(t, v);
      }
    });
    return new Series(q.path("Label").asText(metric.metricName()), out);
  }

  /** The period of an expression: its own, else that of the first MetricStat query, else a minute. */
  private int period(JsonNode q) {
    if (q.has("Period")) {
      return MetricsOperations.period(q.get("Period").asInt(), "Period");
    }
    return queries.values().stream().filter(o -> o.has("MetricStat")).map(o -> o.path("MetricStat").path("Period").asInt(60))
        .findFirst().orElse(60);
  }

  private MathValue evaluate(MathExpression expression, int period) {
    if (expression instanceof MathExpression.Number n) {
      return new Scalar(n.value());
    }
    if (expression instanceof Ref ref) {
      return value(ref.id());
    }
    if (expression instanceof Text text) {
      throw new IllegalArgumentException("A string is only an argument of METRICS or SEARCH: '" + text.value() + "'");
    }
    if (expression instanceof Negate negate) {
      return MathFunctions.map(evaluate(negate.operand(), period), v -> -v);
    }
    if (expression instanceof Binary binary) {
      return MathFunctions.arithmetic(binary.operator(), evaluate(binary.left(), period), evaluate(binary.right(), period));
    }
    if (expression instanceof Array array) {
      List<Series> series = new ArrayList<>();
      for (MathExpression item : array.items()) {
        MathValue v = evaluate(item, period);
        if (v instanceof Series s) {
          series.add(s);
        } else if (v instanceof Many many) {
          series.addAll(many.series());
        } else {
          throw new IllegalArgumentException("An array holds time series, not numbers");
        }
      }
      return new Many(series);
    }
    return call((Call) expression, period);
  }

  private MathValue call(Call call, int period) {
    List<MathExpression> args = call.arguments();
    switch (call.function()) {
      case "METRICS": {
        String filter = args.isEmpty() ? null : text(args.get(0));
        List<Series> all = new ArrayList<>();
        queries.forEach((id, q) -> {
          if (q.has("MetricStat") && value(id) instanceof Series s && (filter == null || s.label().contains(filter))) {
            all.add(s);
          }
        });
        return new Many(all);
      }
      case "SEARCH": {
        if (args.size() != 3) {
          throw new IllegalArgumentException("SEARCH takes 3 arguments: expression, statistic, period");
        }
        return search(text(args.get(0)), text(args.get(1)), (int) number(args.get(2)));
      }
      case "FILL": {
        if (args.size() != 2) {
          throw new IllegalArgumentException("FILL takes 2 arguments");
        }
        boolean repeat = args.get(1) instanceof Ref ref && ref.id().equalsIgnoreCase("REPEAT");
        MathValue with = repeat ? null : evaluate(args.get(1), period);
        List<Long> grid = new ArrayList<>();
        for (long t = Math.floorDiv(start, period) * period; t < end; t += period) {
          grid.add(t);
        }
        return MathFunctions.fill(evaluate(args.get(0), period), with, repeat, grid);
      }
      default: {
        List<MathValue> values = new ArrayList<>();
        args.forEach(a -> values.add(evaluate(a, period)));
        return MathFunctions.call(call.function(), values);
      }
    }
  }

  private MathValue search(String expression, String statName, int period) {
    SearchExpression search = SearchExpression.parse(expression);
    Statistic statistic = Statistic.parse(statName);
    if (statistic == null) {
      throw new IllegalArgumentException("Unsupported statistic " + statName);
    }
    MetricsOperations.period(period, "SEARCH period");
    List<Series> out = new ArrayList<>();
    long since = (start - 14 * 86_400L) * 1000;
    for (var row : query.store().series(scope, search.namespace(), null, since)) {
      MetricId metric = new MetricId(row.namespace(), row.metricName(), MetricId.parseKey(row.dimensions()));
      if (!search.filter().test(metric) || out.size() >= MAX_SEARCH_SERIES) {
        continue;
      }
      TreeMap<Long, Double> values = new TreeMap<>();
      query.merged(scope, metric, start, end, period, null).forEach((t, a) -> {
        double v = statistic.of(a);
        if (!Double.isNaN(v)) {
          values.put(t, v);
        }
      });
      StringBuilder label = new StringBuilder();
      metric.dimensions().forEach(d -> label.append(d.value()).append(' '));
      out.add(new Series(label.append(metric.metricName()).toString(), values));
    }
    return new Many(out);
  }

  private static String text(MathExpression e) {
    if (e instanceof Text t) {
      return t.value();
    }
    throw new IllegalArgumentException("Expected a string argument");
  }

  private static double number(MathExpression e) {
    if (e instanceof MathExpression.Number n) {
      return n.value();
    }
    throw new IllegalArgumentException("Expected a number argument");
  }
}
