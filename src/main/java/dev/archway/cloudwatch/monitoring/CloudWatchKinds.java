package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.store.Kind;

/**
 * CloudWatch documents in the store, all scoped by {@code account:region}: alarms by name,
 * dashboards by name, and alarm history items by time (so they list in order).
 */
final class CloudWatchKinds {
  static final Kind<StoredAlarm> ALARM = new Kind<>("cw.alarm", StoredAlarm.class);
  static final Kind<ObjectNode> HISTORY = new Kind<>("cw.alarmhistory", ObjectNode.class);
  static final Kind<Dashboard> DASHBOARD = new Kind<>("cw.dashboard", Dashboard.class);

  private CloudWatchKinds() {}
}
