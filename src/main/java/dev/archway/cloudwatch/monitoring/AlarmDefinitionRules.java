package dev.archway.cloudwatch.monitoring;

import static dev.archway.cloudwatch.CloudWatchErrors.combination;
import static dev.archway.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.archway.cloudwatch.CloudWatchErrors.missing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.cloudwatch.metrics.Statistic;
import java.util.List;

/**
 * What PutMetricAlarm accepts: one metric with a statistic, or metric math returning one series;
 * a period of whole minutes; static thresholds with the four comparisons; SNS actions. Anomaly
 * detection bands, PromQL criteria and non-SNS actions (Auto Scaling, EC2, Systems Manager,
 * Lambda) are refused rather than stored and ignored.
 */
final class AlarmDefinitionRules {
  private static final List<String> TREAT_MISSING = List.of("breaching", "notBreaching", "ignore", "missing");
  private static final List<String> STATIC_COMPARISONS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
      "LessThanThreshold", "LessThanOrEqualToThreshold");

  private AlarmDefinitionRules() {}

  static void check(JsonNode input) {
    if (input.has("EvaluationCriteria") || input.has("EvaluationInterval")) {
      throw invalidValue("EvaluationCriteria and EvaluationInterval (PromQL alarms) are not supported by Archway.");
    }
    if (input.has("ThresholdMetricId")) {
      throw invalidValue("ThresholdMetricId (anomaly detection bands) is not supported by Archway.");
    }
    boolean single = input.has("MetricName") || input.has("Namespace") || input.has("Statistic") || input.has("ExtendedStatistic");
    boolean math = input.has("Metrics");
    if (single && math) {
      throw combination("The parameters MetricName, Namespace, Statistic and ExtendedStatistic cannot be used with Metrics.");
    }
    if (!single && !math) {
      throw missing("The parameter MetricName is required.");
    }
    if (single) {
      singleMetric(input);
    } else {
      metricMath(input.get("Metrics"));
    }
    if (!input.has("EvaluationPeriods")) {
      throw missing("The parameter EvaluationPeriods is required.");
    }
    if (!input.has("ComparisonOperator")) {
      throw missing("The parameter ComparisonOperator is required.");
    }
    if (!STATIC_COMPARISONS.contains(input.get("ComparisonOperator").asText())) {
      throw invalidValue("ComparisonOperator " + input.get("ComparisonOperator").asText()
          + " needs an anomaly detection band, which Archway does not support.");
    }
    if (!input.has("Threshold")) {
      throw missing("The parameter Threshold is required.");
    }
    int evaluationPeriods = input.get("EvaluationPeriods").asInt();
    int datapoints = input.path("DatapointsToAlarm").asInt(evaluationPeriods);
    if (datapoints > evaluationPeriods) {
      throw invalidValue("DatapointsToAlarm (" + datapoints + ") must be less than or equal to EvaluationPeriods ("
          + evaluationPeriods + ").");
    }
    int period = math ? AlarmRule.mathPeriod(input.get("Metrics")) : input.path("Period").asInt();
    if ((long) period * evaluationPeriods > 86_400) {
      throw invalidValue("The evaluation period (Period x EvaluationPeriods) must be at most 86400 seconds.");
    }
    String treat = input.path("TreatMissingData").asText("missing");
    if (!TREAT_MISSING.contains(treat)) {
      throw invalidValue("The value " + treat + " for parameter TreatMissingData is invalid (expected one of " + TREAT_MISSING + ").");
    }
    String lowSamples = input.path("EvaluateLowSampleCountPercentile").asText("evaluate");
    if (!lowSamples.equals("evaluate") && !lowSamples.equals("ignore")) {
      throw invalidValue("The value " + lowSamples + " for parameter EvaluateLowSampleCountPercentile is invalid.");
    }
    for (String member : List.of("OKActions", "AlarmActions", "InsufficientDataActions")) {
      for (JsonNode action : input.path(member)) {
        if (!action.asText().matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+")) {
          throw invalidValue("Invalid " + member + " " + action.asText()
              + ": Archway runs SNS topic actions only (arn:aws:sns:region:account:topic).");
        }
      }
    }
  }

  private static void singleMetric(JsonNode input) {
    for (String member : List.of("MetricName", "Namespace", "Period")) {
      if (!input.has(member)) {
        throw missing("The parameter " + member + " is required.");
      }
    }
    if (input.has("Statistic") == input.has("ExtendedStatistic")) {
      throw combination("Exactly one of the parameters Statistic and ExtendedStatistic must be specified.");
    }
    if (input.has("ExtendedStatistic")) {
      Statistic statistic = Statistic.parse(input.get("ExtendedStatistic").asText());
      if (statistic == null || !statistic.percentile()) {
        throw invalidValue("The value " + input.get("ExtendedStatistic").asText()
            + " for parameter ExtendedStatistic is not supported (Archway computes percentiles pNN).");
      }
    }
    wholeMinutes(input.get("Period").asInt());
  }

  private static void metricMath(JsonNode metrics) {
    long returning = 0;
    for (JsonNode q : metrics) {
      if (q.path("ReturnData").asBoolean(true)) {
        returning++;
      }
      if (q.has("MetricStat")) {
        wholeMinutes(q.path("MetricStat").path("Period").asInt());
        if (Statistic.parse(q.path("MetricStat").path("Stat").asText()) == null) {
          throw invalidValue("The statistic " + q.path("MetricStat").path("Stat").asText() + " is not supported.");
        }
      }
    }
    if (returning != 1) {
      throw invalidValue("Exactly one element of the Metrics list must return data (ReturnData true); " + returning + " do.");
    }
  }

  private static void wholeMinutes(int period) {
    if (period < 60 || period % 60 != 0) {
      throw invalidValue("The parameter Period must be a multiple of 60 (Archway keeps one-minute resolution; " + period
          + " was given).");
    }
  }
}
