package dev.archway.cloudwatch.logs;

import dev.archway.store.Kind;

/**
 * CloudWatch Logs documents in the store: groups scoped by {@code account:region} and keyed by
 * name; streams scoped by {@code account:region:groupName} (group names hold no colon).
 */
final class LogKinds {
  static final Kind<LogGroup> GROUP = new Kind<>("logs.group", LogGroup.class);
  static final Kind<LogStream> STREAM = new Kind<>("logs.stream", LogStream.class);

  private LogKinds() {}

  static String streamScope(String scope, String groupName) {
    return scope + ":" + groupName;
  }
}
