package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.model.Json;
import dev.archway.store.Store;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes an alarm's state: the new state, reason and times are stored with a StateUpdate history
 * item in one transaction; then, if the alarm's actions are enabled, each SNS action of the new
 * state is published and its outcome kept as an Action history item.
 */
final class AlarmStates {
  private static final Logger log = LoggerFactory.getLogger(AlarmStates.class);

  private final Vertx vertx;
  private final Store store;
  private final SnsNotifier notifier;
  private final Clock clock;

  AlarmStates(Vertx vertx, Store store, SnsNotifier notifier, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** Where an alarm lives: the account and region of its ARN. */
  static String scopeOf(JsonNode alarm) {
    String[] arn = alarm.path("AlarmArn").asText().split(":", 7);
    return arn[4] + ":" + arn[3];
  }

  /** Moves the alarm to {@code state} unless it changed meanwhile; a repeated state only refreshes the reason. */
  void transition(String scope, String name, String expectedState, String state, String reason, JsonNode reasonData) {
    long now = clock.millis();
    StoredAlarm[] changed = new StoredAlarm[1];
    store.write(docs -> {
      StoredAlarm alarm = docs.get(CloudWatchKinds.ALARM, scope, name).orElse(null);
      if (alarm == null || expectedState != null && !alarm.state().equals(expectedState)) {
        return null;
      }
      String old = alarm.state();
      ObjectNode next = alarm.alarm().deepCopy();
      next.put("StateValue", state);
      next.put("StateReason", reason);
      if (reasonData != null) {
        next.put("StateReasonData", reasonData.toString());
      } else {
        next.remove("StateReasonData");
      }
      next.set("StateUpdatedTimestamp", CloudWatchErrors.timestamp(now));
      if (!old.equals(state)) {
        next.set("StateTransitionedTimestamp", CloudWatchErrors.timestamp(now));
        ObjectNode data = Json.MAPPER.createObjectNode().put("version", "1.0");
        data.putObject("oldState").put("stateValue", old).put("stateReason", alarm.alarm().path("StateReason").asText());
        ObjectNode newState = data.putObject("newState").put("stateValue", state).put("stateReason", reason);
        if (reasonData != null) {
          newState.set("stateReasonData", reasonData);
        }
        history(docs, scope, name, now, "StateUpdate", "Alarm updated from " + old + " to " + state, data.toString());
        changed[0] = alarm;
      }
      docs.put(CloudWatchKinds.ALARM, scope, name, alarm.with(next));
      return null;
    });
    if (changed[0] != null) {
      StoredAlarm after = store.read(docs -> docs.get(CloudWatchKinds.ALARM, scope, name)).orElse(null);
      if (after != null) {
        act(scope, after.alarm(), changed[0].state(), now);
      }
    }
  }

  private void act(String scope, JsonNode alarm, String oldState, long now) {
    if (!alarm.path("ActionsEnabled").asBoolean(true)) {
      return;
    }
    String state = alarm.path("StateValue").asText();
    String member = switch (state) {
      case "ALARM" -> "AlarmActions";
      case "OK" -> "OKActions";
      default -> "InsufficientDataActions";
    };
    String[] parts = scope.split(":");
    String message = AlarmMessages.message(alarm, parts[0], parts[1], oldState, now);
    String subject = AlarmMessages.subject(state, alarm.path("AlarmName").asText(), parts[1]);
    for (JsonNode action : alarm.path(member)) {
      String arn = action.asText();
      notifier.publish(arn, subject, message).onComplete(result -> vertx.executeBlocking(() -> {
        String summary = result.succeeded() ? "Successfully executed action " + arn
            : "Failed to execute action " + arn + ". Received error: \"" + result.cause().getMessage() + "\"";
        if (result.failed()) {
          log.warn("alarm {}: {}", alarm.path("AlarmName").asText(), summary);
        }
        ObjectNode data = Json.MAPPER.createObjectNode().put("actionState", result.succeeded() ? "Succeeded" : "Failed")
            .put("notificationResource", arn).put("stateUpdateTimestamp", now);
        store.write(docs -> {
          history(docs, scope, alarm.path("AlarmName").asText(), clock.millis(), "Action", summary, data.toString());
          return null;
        });
        return null;
      }, false));
    }
  }

  /** Keeps one AlarmHistoryItem, keyed so that items list in time order. */
  static void history(dev.archway.store.Documents docs, String scope, String alarmName, long at, String type, String summary,
      String data) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("AlarmName", alarmName);
    item.put("AlarmType", "MetricAlarm");
    item.set("Timestamp", CloudWatchErrors.timestamp(at));
    item.put("HistoryItemType", type);
    item.put("HistorySummary", summary);
    item.put("HistoryData", data);
    docs.put(CloudWatchKinds.HISTORY, scope, String.format("%015d-%s", at, UUID.randomUUID()), item);
  }
}
