package dev.archway.model;

import java.util.List;
import java.util.Map;

/**
 * An API key (account+region resource). The stored document holds the value, because
 * GetApiKey {@code includeValue=true} must return it; every answer that does not ask for it goes
 * through {@link #withoutValue()}. {@code stageKeys} are {@code "restApiId/stageName"}.
 */
public record ApiKey(
    String id,
    String value,
    String name,
    String customerId,
    String description,
    Boolean enabled,
    Long createdDate,
    Long lastUpdatedDate,
    List<String> stageKeys,
    Map<String, String> tags) {

  public ApiKey withoutValue() {
    return new ApiKey(id, null, name, customerId, description, enabled, createdDate, lastUpdatedDate, stageKeys, tags);
  }

  /** Keeps what a patch may not change: the id, the value, the tags and the creation date. */
  public ApiKey patchedFrom(ApiKey previous, long now) {
    return new ApiKey(previous.id, previous.value, name, customerId, description, enabled, previous.createdDate, now,
        stageKeys, previous.tags);
  }
}
