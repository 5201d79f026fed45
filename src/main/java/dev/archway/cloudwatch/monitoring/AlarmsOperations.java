package dev.archway.cloudwatch.monitoring;

import static dev.archway.cloudwatch.CloudWatchErrors.combination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.cloudwatch.metrics.MetricId;
import dev.archway.cloudwatch.PageOffset;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState, Enable/DisableAlarmActions. */
final class AlarmsOperations {
  private final Store store;
  private final AlarmStates states;
  private final AlarmEvaluator evaluator;
  private final Clock clock;

  AlarmsOperations(Store store, AlarmStates states, AlarmEvaluator evaluator, Clock clock) {
    this.store = store;
    this.states = states;
    this.evaluator = evaluator;
    this.clock = clock;
  }

  static String arn(Caller caller, String name) {
    return "arn:aws:cloudwatch:" + caller.region() + ":" + caller.accountId() + ":alarm:" + name;
  }

  JsonNode put(Caller caller, JsonNode input) {
    AlarmDefinitionRules.check(input);
    String name = input.path("AlarmName").asText();
    long now = clock.millis();
    ObjectNode alarm = Json.MAPPER.createObjectNode();
    alarm.put("AlarmName", name);
    alarm.put("AlarmArn", arn(caller, name));
    for (String member : List.of("AlarmDescription", "OKActions", "AlarmActions", "InsufficientDataActions", "MetricName",
        "Namespace", "Statistic", "ExtendedStatistic", "Dimensions", "Period", "Unit", "EvaluationPeriods", "DatapointsToAlarm",
        "Threshold", "ComparisonOperator", "TreatMissingData", "EvaluateLowSampleCountPercentile", "Metrics")) {
      if (input.has(member)) {
        alarm.set(member, input.get(member));
      }
    }
    alarm.put("ActionsEnabled", input.path("ActionsEnabled").asBoolean(true));
    alarm.set("AlarmConfigurationUpdatedTimestamp", CloudWatchErrors.timestamp(now));
    Map<String, String> tags = new LinkedHashMap<>();
    input.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
    boolean[] created = new boolean[1];
    store.write(docs -> {
      StoredAlarm existing = docs.get(CloudWatchKinds.ALARM, caller.scope(), name).orElse(null);
      created[0] = existing == null;
      if (existing == null) {
        alarm.put("StateValue", "INSUFFICIENT_DATA");
        alarm.put("StateReason", "Unchecked: Initial alarm creation");
        alarm.set("StateUpdatedTimestamp", CloudWatchErrors.timestamp(now));
        alarm.set("StateTransitionedTimestamp", CloudWatchErrors.timestamp(now));
      } else {
        // An update keeps the state and overwrites the configuration, as on AWS.
        for (String member : List.of("StateValue", "StateReason", "StateReasonData", "StateUpdatedTimestamp",
            "StateTransitionedTimestamp")) {
          if (existing.alarm().has(member)) {
            alarm.set(member, existing.alarm().get(member));
          }
        }
      }
      Map<String, String> merged = new LinkedHashMap<>(existing == null ? Map.of() : existing.tags());
      merged.putAll(tags);
      docs.put(CloudWatchKinds.ALARM, caller.scope(), name, new StoredAlarm(alarm, merged));
      ObjectNode data = Json.MAPPER.createObjectNode().put("version", "1.0").put("type", created[0] ? "Create" : "Update");
      data.set(created[0] ? "createdAlarm" : "updatedAlarm", alarm);
      AlarmStates.history(docs, caller.scope(), name, now, "ConfigurationUpdate",
          "Alarm \"" + name + "\" " + (created[0] ? "created" : "updated"), data.toString());
      return null;
    });
    evaluator.changed(caller.scope(), name);
    return null;
  }

  JsonNode describe(Caller caller, JsonNode input) {
    if (input.has("AlarmNames") && input.has("AlarmNamePrefix")) {
      throw combination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
    }
    JsonNode types = input.path("AlarmTypes");
    boolean metricAlarms = types.isEmpty() || contains(types, "MetricAlarm");
    List<String> names = strings(input.path("AlarmNames"));
    String prefix = input.path("AlarmNamePrefix").asText(null);
    String state = input.path("StateValue").asText(null);
    String actionPrefix = input.path("ActionPrefix").asText(null);
    boolean composite = input.has("ChildrenOfAlarmName") || input.has("ParentsOfAlarmName");
    List<StoredAlarm> matching = metricAlarms && !composite ? alarms(caller, a -> (names.isEmpty() || names.contains(a.name()))
        && (prefix == null || a.name().startsWith(prefix))
        && (state == null || state.equals(a.state()))
        && (actionPrefix == null || hasAction(a.alarm(), actionPrefix))) : List.of();
    int max = input.path("MaxRecords").asInt(50);
    int from = PageOffset.read(input.path("NextToken").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (contains(types, "CompositeAlarm")) {
      out.putArray("CompositeAlarms");
    }
    ArrayNode list = out.putArray("MetricAlarms");
    matching.stream().skip(from).limit(max).forEach(a -> list.add(a.alarm()));
    if (matching.size() > from + max) {
      out.put("NextToken", Integer.toString(from + max));
    }
    return out;
  }

  JsonNode describeForMetric(Caller caller, JsonNode input) {
    MetricId metric = new MetricId(input.path("Namespace").asText(), input.path("MetricName").asText(),
        MetricId.dimensions(input.path("Dimensions")));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("MetricAlarms");
    alarms(caller, a -> {
      JsonNode alarm = a.alarm();
      return alarm.path("Namespace").asText().equals(metric.namespace()) && alarm.path("MetricName").asText().equals(metric.metricName())
          && (!input.has("Dimensions") || new MetricId(metric.namespace(), metric.metricName(),
              MetricId.dimensions(alarm.path("Dimensions"))).equals(metric))
          && same(input, alarm, "Statistic") && same(input, alarm, "ExtendedStatistic") && same(input, alarm, "Period")
          && same(input, alarm, "Unit");
    }).forEach(a -> list.add(a.alarm()));
    return out;
  }

  JsonNode delete(Caller caller, JsonNode input) {
    List<String> names = strings(input.path("AlarmNames"));
    store.write(docs -> {
      List<String> absent = names.stream().filter(n -> docs.get(CloudWatchKinds.ALARM, caller.scope(), n).isEmpty()).toList();
      if (!absent.isEmpty()) {
        throw CloudWatchErrors.notFound("Alarms not found: " + absent + "; none were deleted.");
      }
      names.forEach(n -> docs.delete(CloudWatchKinds.ALARM, caller.scope(), n));
      return null;
    });
    return null;
  }

  JsonNode setState(Caller caller, JsonNode input) {
    String name = input.path("AlarmName").asText();
    JsonNode data = null;
    if (input.has("StateReasonData")) {
      try {
        data = Json.MAPPER.readTree(input.get("StateReasonData").asText());
      } catch (Exception e) {
        throw new AwsServiceException(400, "InvalidFormatFault", "StateReasonData is not valid JSON");
      }
    }
    if (store.read(docs -> docs.get(CloudWatchKinds.ALARM, caller.scope(), name)).isEmpty()) {
      throw CloudWatchErrors.notFound("Alarm " + name + " not found");
    }
    states.transition(caller.scope(), name, null, input.path("StateValue").asText(), input.path("StateReason").asText(), data);
    return null;
  }

  JsonNode enableActions(Caller caller, JsonNode input) {
    return actionsEnabled(caller, input, true);
  }

  JsonNode disableActions(Caller caller, JsonNode input) {
    return actionsEnabled(caller, input, false);
  }

  private JsonNode actionsEnabled(Caller caller, JsonNode input, boolean enabled) {
    store.write(docs -> {
      for (String name : strings(input.path("AlarmNames"))) {
        docs.get(CloudWatchKinds.ALARM, caller.scope(), name).ifPresent(a -> {
          ObjectNode next = a.alarm().deepCopy();
          next.put("ActionsEnabled", enabled);
          docs.put(CloudWatchKinds.ALARM, caller.scope(), name, a.with(next));
        });
      }
      return null;
    });
    return null;
  }

  private List<StoredAlarm> alarms(Caller caller, Predicate<StoredAlarm> filter) {
    return store.read(docs -> docs.list(CloudWatchKinds.ALARM, caller.scope())).stream().filter(filter)
        .sorted(Comparator.comparing(StoredAlarm::name)).toList();
  }

  private static boolean same(JsonNode input, JsonNode alarm, String member) {
    return !input.has(member) || input.get(member).asText().equals(alarm.path(member).asText());
  }

  private static boolean hasAction(JsonNode alarm, String prefix) {
    for (String member : List.of("OKActions", "AlarmActions", "InsufficientDataActions")) {
      for (JsonNode action : alarm.path(member)) {
        if (action.asText().startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(JsonNode list, String value) {
    for (JsonNode item : list) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static List<String> strings(JsonNode list) {
    List<String> out = new java.util.ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

}
