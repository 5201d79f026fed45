package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.cloudwatch.metrics.MetricId;
import dev.archway.cloudwatch.metrics.Statistic;

/**
 * What an alarm evaluates, read from its MetricAlarm shape: one metric and statistic, or metric
 * math ({@code metrics}); the period and how many of the last periods must breach; the
 * comparison; and how missing data counts.
 */
record AlarmRule(MetricId metric, Statistic statistic, String unit, JsonNode metrics, int period, int evaluationPeriods,
    int datapointsToAlarm, double threshold, String comparison, String treatMissingData, boolean ignoreLowSampleCount) {

  static AlarmRule of(JsonNode alarm) {
    JsonNode metrics = alarm.has("Metrics") ? alarm.get("Metrics") : null;
    MetricId metric = metrics != null ? null : new MetricId(alarm.path("Namespace").asText(), alarm.path("MetricName").asText(),
        MetricId.dimensions(alarm.path("Dimensions")));
    Statistic statistic = metrics != null ? null : Statistic.parse(alarm.has("Statistic")
        ? alarm.path("Statistic").asText() : alarm.path("ExtendedStatistic").asText());
    int period = metrics != null ? mathPeriod(metrics) : alarm.path("Period").asInt(60);
    int evaluationPeriods = alarm.path("EvaluationPeriods").asInt(1);
    return new AlarmRule(metric, statistic, alarm.path("Unit").asText(null), metrics, period, evaluationPeriods,
        alarm.path("DatapointsToAlarm").asInt(evaluationPeriods), alarm.path("Threshold").asDouble(),
        alarm.path("ComparisonOperator").asText(), alarm.path("TreatMissingData").asText("missing"),
        "ignore".equals(alarm.path("EvaluateLowSampleCountPercentile").asText(null)));
  }

  /** The period of the query a metric-math alarm returns. */
  static int mathPeriod(JsonNode metrics) {
    for (JsonNode q : metrics) {
      if (q.path("ReturnData").asBoolean(true)) {
        return q.has("Period") ? q.get("Period").asInt() : q.path("MetricStat").path("Period").asInt(60);
      }
    }
    return 60;
  }

  boolean breaches(double value) {
    return switch (comparison) {
      case "GreaterThanOrEqualToThreshold" -> value >= threshold;
      case "GreaterThanThreshold" -> value > threshold;
      case "LessThanThreshold" -> value < threshold;
      case "LessThanOrEqualToThreshold" -> value <= threshold;
      default -> false;
    };
  }

  /** How AWS words the comparison in a state reason: "greater than", "not less than or equal to"... */
  String wording(boolean breaching) {
    String words = switch (comparison) {
      case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
      case "GreaterThanThreshold" -> "greater than";
      case "LessThanThreshold" -> "less than";
      default -> "less than or equal to";
    };
    return breaching ? words : "not " + words;
  }
}
