package dev.archway.cloudwatch.logs;

import java.util.Map;

/**
 * A log group as stored: what DescribeLogGroups returns, its tags, and the id of its directory of
 * segments (names may hold characters a file name should not, and a group deleted and created
 * again must not see the old events).
 */
public record LogGroup(
    String logGroupName,
    long creationTime,
    Integer retentionInDays,
    String logGroupClass,
    String kmsKeyId,
    Boolean deletionProtectionEnabled,
    Map<String, String> tags,
    String storageId) {

  public LogGroup {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  LogGroup withRetention(Integer days) {
    return new LogGroup(logGroupName, creationTime, days, logGroupClass, kmsKeyId, deletionProtectionEnabled, tags, storageId);
  }

  LogGroup withTags(Map<String, String> newTags) {
    return new LogGroup(logGroupName, creationTime, retentionInDays, logGroupClass, kmsKeyId, deletionProtectionEnabled, newTags,
        storageId);
  }
}
