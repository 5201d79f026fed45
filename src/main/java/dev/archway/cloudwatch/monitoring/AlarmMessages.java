package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import java.time.Instant;
import java.util.Map;

/**
 * The alarm JSON CloudWatch publishes to SNS (the {@code Message} of the notification) and its
 * subject, {@code ALARM: "name" in US East (N. Virginia)}.
 */
final class AlarmMessages {
  private static final Map<String, String> REGIONS = Map.ofEntries(
      Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
      Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
      Map.entry("ca-central-1", "Canada (Central)"), Map.entry("eu-west-1", "EU (Ireland)"),
      Map.entry("eu-west-2", "EU (London)"), Map.entry("eu-west-3", "EU (Paris)"), Map.entry("eu-central-1", "EU (Frankfurt)"),
      Map.entry("eu-north-1", "EU (Stockholm)"), Map.entry("eu-south-1", "EU (Milan)"),
      Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"), Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
      Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"), Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
      Map.entry("ap-south-1", "Asia Pacific (Mumbai)"), Map.entry("sa-east-1", "South America (Sao Paulo)"));

  private AlarmMessages() {}

  static String regionName(String region) {
    return REGIONS.getOrDefault(region, region);
  }

  static String subject(String state, String alarmName, String region) {
    String subject = state + ": \"" + alarmName + "\" in " + regionName(region);
    // SNS subjects are at most 100 characters.
    return subject.length() > 100 ? subject.substring(0, 100) : subject;
  }

  /** The alarm as CloudWatch sends it to SNS after a state change. */
  static String message(JsonNode alarm, String accountId, String region, String oldState, long changedAt) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("AlarmName", alarm.path("AlarmName").asText());
    m.set("AlarmDescription", alarm.has("AlarmDescription") ? alarm.get("AlarmDescription") : null);
    m.put("AWSAccountId", accountId);
    m.put("AlarmConfigurationUpdatedTimestamp", AlarmEvaluation.DATA_TIME.format(
        Instant.ofEpochMilli(alarm.path("AlarmConfigurationUpdatedTimestamp").decimalValue().movePointRight(3).longValue())));
    m.put("NewStateValue", alarm.path("StateValue").asText());
    m.put("NewStateReason", alarm.path("StateReason").asText());
    m.put("StateChangeTime", AlarmEvaluation.DATA_TIME.format(Instant.ofEpochMilli(changedAt)));
    m.put("Region", regionName(region));
    m.put("AlarmArn", alarm.path("AlarmArn").asText());
    m.put("OldStateValue", oldState);
    m.set("OKActions", list(alarm.path("OKActions")));
    m.set("AlarmActions", list(alarm.path("AlarmActions")));
    m.set("InsufficientDataActions", list(alarm.path("InsufficientDataActions")));
    m.set("Trigger", trigger(alarm));
    return m.toString();
  }

  private static ArrayNode list(JsonNode values) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    values.forEach(out::add);
    return out;
  }

  private static ObjectNode trigger(JsonNode alarm) {
    ObjectNode t = Json.MAPPER.createObjectNode();
    if (alarm.has("Metrics")) {
      ArrayNode metrics = t.putArray("Metrics");
      for (JsonNode q : alarm.get("Metrics")) {
        ObjectNode item = metrics.addObject();
        item.put("id", q.path("Id").asText());
        if (q.has("Expression")) {
          item.put("expression", q.get("Expression").asText());
        }
        if (q.has("MetricStat")) {
          JsonNode stat = q.get("MetricStat");
          ObjectNode metricStat = item.putObject("metricStat");
          ObjectNode metric = metricStat.putObject("metric");
          metric.put("namespace", stat.path("Metric").path("Namespace").asText());
          metric.put("name", stat.path("Metric").path("MetricName").asText());
          ArrayNode dims = metric.putArray("dimensions");
          stat.path("Metric").path("Dimensions").forEach(d -> dims.addObject().put("value", d.path("Value").asText())
              .put("name", d.path("Name").asText()));
          metricStat.put("period", stat.path("Period").asInt());
          metricStat.put("stat", stat.path("Stat").asText());
          metricStat.set("unit", stat.has("Unit") ? stat.get("Unit") : null);
        }
        if (q.has("Label")) {
          item.put("label", q.get("Label").asText());
        }
        item.put("returnData", q.path("ReturnData").asBoolean(true));
      }
    } else {
      t.put("MetricName", alarm.path("MetricName").asText());
      t.put("Namespace", alarm.path("Namespace").asText());
      boolean extended = alarm.has("ExtendedStatistic");
      t.put("StatisticType", extended ? "ExtendedStatistic" : "Statistic");
      if (extended) {
        t.put("ExtendedStatistic", alarm.get("ExtendedStatistic").asText());
      } else {
        t.put("Statistic", alarm.path("Statistic").asText().toUpperCase(java.util.Locale.ROOT));
      }
      t.set("Unit", alarm.has("Unit") ? alarm.get("Unit") : null);
      ArrayNode dims = t.putArray("Dimensions");
      alarm.path("Dimensions").forEach(d -> dims.addObject().put("value", d.path("Value").asText()).put("name", d.path("Name").asText()));
      t.put("Period", alarm.path("Period").asInt());
    }
    t.put("EvaluationPeriods", alarm.path("EvaluationPeriods").asInt());
    if (alarm.has("DatapointsToAlarm")) {
      t.put("DatapointsToAlarm", alarm.get("DatapointsToAlarm").asInt());
    }
    t.put("ComparisonOperator", alarm.path("ComparisonOperator").asText());
    t.put("Threshold", alarm.path("Threshold").asDouble());
    t.put("TreatMissingData", alarm.path("TreatMissingData").asText("missing"));
    t.put("EvaluateLowSampleCountPercentile", alarm.path("EvaluateLowSampleCountPercentile").asText(""));
    return t;
  }
}
