package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.cloudwatch.PageOffset;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** DescribeAlarmHistory: configuration updates, state updates and actions, newest first unless asked otherwise. */
final class AlarmHistoryOperations {
  private final Store store;

  AlarmHistoryOperations(Store store) {
    this.store = store;
  }

  JsonNode describe(Caller caller, JsonNode input) {
    String name = input.path("AlarmName").asText(null);
    String type = input.path("HistoryItemType").asText(null);
    long from = CloudWatchErrors.millis(input.get("StartDate"), Long.MIN_VALUE);
    long to = CloudWatchErrors.millis(input.get("EndDate"), Long.MAX_VALUE);
    JsonNode types = input.path("AlarmTypes");
    boolean metricAlarms = types.isEmpty() || AlarmsOperations.strings(types).contains("MetricAlarm");
    List<ObjectNode> items = new ArrayList<>();
    if (metricAlarms) {
      for (ObjectNode item : store.read(docs -> docs.list(CloudWatchKinds.HISTORY, caller.scope()))) {
        long at = CloudWatchErrors.millis(item.get("Timestamp"), 0);
        if ((name == null || name.equals(item.path("AlarmName").asText()))
            && (type == null || type.equals(item.path("HistoryItemType").asText())) && at >= from && at <= to) {
          items.add(item);
        }
      }
    }
    items.sort((a, b) -> a.get("Timestamp").decimalValue().compareTo(b.get("Timestamp").decimalValue()));
    if (!"TimestampAscending".equals(input.path("ScanBy").asText("TimestampDescending"))) {
      Collections.reverse(items);
    }
    int max = input.path("MaxRecords").asInt(100);
    int skip = PageOffset.read(input.path("NextToken").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("AlarmHistoryItems");
    items.stream().skip(skip).limit(max).forEach(list::add);
    if (items.size() > skip + max) {
      out.put("NextToken", Integer.toString(skip + max));
    }
    return out;
  }
}
