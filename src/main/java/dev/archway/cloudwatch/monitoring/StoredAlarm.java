package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A metric alarm as stored: its MetricAlarm wire shape (state included) and its tags. */
public record StoredAlarm(ObjectNode alarm, Map<String, String> tags) {
  public StoredAlarm {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public String name() {
    return alarm.path("AlarmName").asText();
  }

  public String state() {
    return alarm.path("StateValue").asText();
  }

  public StoredAlarm with(ObjectNode newAlarm) {
    return new StoredAlarm(newAlarm, tags);
  }

  public StoredAlarm withTags(Map<String, String> newTags) {
    return new StoredAlarm(alarm, newTags);
  }
}
