package dev.archway.cloudwatch.metrics;

import static dev.archway.cloudwatch.CloudWatchErrors.combination;
import static dev.archway.cloudwatch.CloudWatchErrors.invalidValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.cloudwatch.metrics.MathValue.Many;
import dev.archway.cloudwatch.metrics.MathValue.Scalar;
import dev.archway.cloudwatch.metrics.MathValue.Series;
import dev.archway.cloudwatch.PageOffset;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GetMetricData: MetricStat queries and metric math over them, results newest first (or oldest
 * first with {@code ScanBy TimestampAscending}), paged by {@code MaxDatapoints}.
 */
public final class MetricDataOperations {
  private final MetricQuery query;

  public MetricDataOperations(MetricQuery query) {
    this.query = query;
  }

  /** One returned time series, before paging. */
  private record Result(String id, String label, TreeMap<Long, Double> values) {}

  public JsonNode getMetricData(Caller caller, JsonNode input) {
    JsonNode queries = input.path("MetricDataQueries");
    check(caller, queries);
    long start = CloudWatchErrors.millis(input.get("StartTime"), 0) / 1000;
    long end = CloudWatchErrors.millis(input.get("EndTime"), 0) / 1000;
    if (start >= end) {
      throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
    }
    List<Result> results = evaluate(caller.scope(), queries, start, end);
    boolean ascending = "TimestampAscending".equals(input.path("ScanBy").asText("TimestampDescending"));
    int max = input.path("MaxDatapoints").asInt(100_800);
    int skip = PageOffset.read(input.path("NextToken").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("MetricDataResults");
    int seen = 0;
    int emitted = 0;
    boolean truncated = false;
    for (Result result : results) {
      ObjectNode node = list.addObject().put("Id", result.id()).put("Label", result.label());
      ArrayNode timestamps = node.putArray("Timestamps");
      ArrayNode values = node.putArray("Values");
      for (Map.Entry<Long, Double> point : ascending ? result.values().entrySet() : result.values().descendingMap().entrySet()) {
        if (seen++ < skip) {
          continue;
        }
        if (emitted == max) {
          truncated = true;
          break;
        }
        timestamps.add(CloudWatchErrors.timestamp(point.getKey() * 1000));
        values.add(point.getValue());
        emitted++;
      }
      node.put("StatusCode", truncated ? "PartialData" : "Complete");
      node.putArray("Messages");
    }
    out.putArray("Messages");
    if (truncated) {
      out.put("NextToken", Integer.toString(skip + emitted));
    }
    return out;
  }

  /** The returned series of a set of queries (shared with metric-math alarms). */
  List<Result> evaluate(String scope, JsonNode queries, long start, long end) {
    MetricDataEvaluator evaluator = new MetricDataEvaluator(query, scope, start, end, queries);
    List<Result> results = new ArrayList<>();
    for (JsonNode q : queries) {
      if (!q.path("ReturnData").asBoolean(true)) {
        continue;
      }
      String id = q.path("Id").asText();
      MathValue value;
      try {
        value = evaluator.value(id);
      } catch (IllegalArgumentException e) {
        throw new AwsServiceException(400, "ValidationException", "Error in expression " + id + ": " + e.getMessage());
      }
      String label = q.path("Label").asText(null);
      if (value instanceof Series series) {
        results.add(new Result(id, label != null ? label : series.label().isEmpty() ? id : series.label(), series.values()));
      } else if (value instanceof Many many) {
        many.series().forEach(s -> results.add(new Result(id, label != null ? label + " " + s.label() : s.label(), s.values())));
      } else {
        double constant = ((Scalar) value).value();
        int period = q.path("Period").asInt(60);
        TreeMap<Long, Double> values = new TreeMap<>();
        for (long t = Math.floorDiv(start, period) * period; t < end && Double.isFinite(constant); t += period) {
          values.put(t, constant);
        }
        results.add(new Result(id, label != null ? label : id, values));
      }
    }
    return results;
  }

  /** The values of the one series a metric-math alarm returns (ReturnData true). */
  public TreeMap<Long, Double> alarmSeries(String scope, JsonNode queries, long start, long end) {
    List<Result> results = evaluate(scope, queries, start, end);
    return results.isEmpty() ? new TreeMap<>() : results.get(0).values();
  }

  private static void check(Caller caller, JsonNode queries) {
    if (queries.size() == 0) {
      throw CloudWatchErrors.missing("The parameter MetricDataQueries is required.");
    }
    if (queries.size() > 500) {
      throw invalidValue("The collection MetricDataQueries must not have a size greater than 500.");
    }
    Set<String> ids = new HashSet<>();
    boolean returns = false;
    for (int i = 0; i < queries.size(); i++) {
      JsonNode q = queries.get(i);
      String at = "MetricDataQueries.member." + (i + 1);
      if (!ids.add(q.path("Id").asText())) {
        throw invalidValue("The values for parameter id in MetricDataQueries are not unique.");
      }
      if (q.has("MetricStat") == q.has("Expression")) {
        throw combination("Exactly one of the parameters " + at + ".MetricStat and " + at + ".Expression must be specified.");
      }
      if (q.has("AccountId") && !q.get("AccountId").asText().equals(caller.accountId())) {
        throw invalidValue("The parameter " + at + ".AccountId names another account (Archway has no cross-account observability).");
      }
      returns |= q.path("ReturnData").asBoolean(true);
    }
    if (!returns) {
      throw invalidValue("At least one query of MetricDataQueries must have ReturnData true.");
    }
  }
}
