package dev.archway.cloudwatch.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy, DeleteRetentionPolicy. */
final class LogGroupsOperations {
  /** The retention periods AWS accepts, in days. */
  static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
      1827, 2192, 2557, 2922, 3288, 3653);

  private final Store store;
  private final LogStorage storage;
  private final LogGroups groups;
  private final Clock clock;

  LogGroupsOperations(Store store, LogStorage storage, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.groups = new LogGroups(store);
    this.clock = clock;
  }

  JsonNode create(Caller caller, JsonNode input) {
    String name = input.path("logGroupName").asText();
    if (input.hasNonNull("kmsKeyId")) {
      throw LogGroups.invalid("kmsKeyId: Archway does not encrypt log groups with KMS keys (leave it out)");
    }
    Map<String, String> tags = Json.MAPPER.convertValue(input.path("tags").isMissingNode() ? Json.MAPPER.createObjectNode()
        : input.get("tags"), Json.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class));
    LogGroup group = new LogGroup(name, clock.millis(), null, input.path("logGroupClass").asText("STANDARD"), null,
        input.hasNonNull("deletionProtectionEnabled") ? input.get("deletionProtectionEnabled").asBoolean() : null, tags,
        UUID.randomUUID().toString());
    store.write(docs -> {
      if (docs.get(LogKinds.GROUP, caller.scope(), name).isPresent()) {
        throw new AwsServiceException(400, "ResourceAlreadyExistsException", "The specified log group already exists");
      }
      docs.put(LogKinds.GROUP, caller.scope(), name, group);
      return null;
    });
    return null;
  }

  /** Creates a group unless it exists (what access logs and execution logs do on first write). */
  LogGroup ensure(Caller caller, String name) {
    return store.write(docs -> docs.get(LogKinds.GROUP, caller.scope(), name).orElseGet(() -> {
      LogGroup group = new LogGroup(name, clock.millis(), null, "STANDARD", null, null, Map.of(), UUID.randomUUID().toString());
      docs.put(LogKinds.GROUP, caller.scope(), name, group);
      return group;
    }));
  }

  JsonNode delete(Caller caller, JsonNode input) {
    String name = input.path("logGroupName").asText();
    LogGroup group = store.write(docs -> {
      LogGroup found = docs.get(LogKinds.GROUP, caller.scope(), name).orElseThrow(LogGroups::groupNotFound);
      if (Boolean.TRUE.equals(found.deletionProtectionEnabled())) {
        throw new AwsServiceException(400, "OperationAbortedException",
            "Log group " + name + " has deletion protection enabled; disable it before deleting the group");
      }
      docs.delete(LogKinds.GROUP, caller.scope(), name);
      docs.deleteScope(LogKinds.streamScope(caller.scope(), name));
      return found;
    });
    storage.deleteGroup(group.storageId());
    return null;
  }

  JsonNode describe(Caller caller, JsonNode input) {
    String prefix = input.path("logGroupNamePrefix").asText(null);
    String pattern = input.path("logGroupNamePattern").asText(null);
    if (prefix != null && pattern != null) {
      throw LogGroups.invalid("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.");
    }
    if (input.path("includeLinkedAccounts").asBoolean(false) || input.has("accountIdentifiers")) {
      throw LogGroups.invalid("Cross-account observability (accountIdentifiers, includeLinkedAccounts) is not supported by Archway");
    }
    Set<String> identifiers = input.has("logGroupIdentifiers") ? new java.util.HashSet<>() : null;
    input.path("logGroupIdentifiers").forEach(id -> identifiers.add(LogGroups.nameOf(caller, id.asText())));
    String after = PageToken.read(input.path("nextToken").asText(null));
    int limit = input.path("limit").asInt(50);
    String needle = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
    String logGroupClass = input.path("logGroupClass").asText(null);
    List<LogGroup> matching = store.read(docs -> docs.list(LogKinds.GROUP, caller.scope())).stream()
        .filter(g -> prefix == null || g.logGroupName().startsWith(prefix))
        .filter(g -> needle == null || g.logGroupName().toLowerCase(Locale.ROOT).contains(needle))
        .filter(g -> identifiers == null || identifiers.contains(g.logGroupName()))
        .filter(g -> logGroupClass == null || logGroupClass.equals(g.logGroupClass()))
        .filter(g -> after == null || g.logGroupName().compareTo(after) > 0)
        .sorted(Comparator.comparing(LogGroup::logGroupName))
        .toList();
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("logGroups");
    matching.stream().limit(limit).forEach(g -> list.add(render(caller, g)));
    if (matching.size() > limit) {
      out.put("nextToken", PageToken.after(matching.get(limit - 1).logGroupName()));
    }
    return out;
  }

  private ObjectNode render(Caller caller, LogGroup group) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    String arn = LogGroups.arn(caller, group.logGroupName());
    node.put("logGroupName", group.logGroupName());
    node.put("creationTime", group.creationTime());
    if (group.retentionInDays() != null) {
      node.put("retentionInDays", group.retentionInDays());
    }
    node.put("metricFilterCount", 0);
    node.put("arn", arn + ":*");
    GroupLog log = storage.existing(group.storageId());
    node.put("storedBytes", log == null ? 0 : log.bytes());
    node.put("logGroupClass", group.logGroupClass());
    node.put("logGroupArn", arn);
    if (group.deletionProtectionEnabled() != null) {
      node.put("deletionProtectionEnabled", group.deletionProtectionEnabled());
    }
    return node;
  }

  JsonNode putRetention(Caller caller, JsonNode input) {
    int days = input.path("retentionInDays").asInt();
    if (!RETENTION_DAYS.contains(days)) {
      throw LogGroups.invalid("1 validation error detected: Value '" + days
          + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: " + RETENTION_DAYS);
    }
    return retention(caller, input.path("logGroupName").asText(), days);
  }

  JsonNode deleteRetention(Caller caller, JsonNode input) {
    return retention(caller, input.path("logGroupName").asText(), null);
  }

  private JsonNode retention(Caller caller, String name, Integer days) {
    store.write(docs -> {
      LogGroup group = docs.get(LogKinds.GROUP, caller.scope(), name).orElseThrow(LogGroups::groupNotFound);
      docs.put(LogKinds.GROUP, caller.scope(), name, group.withRetention(days));
      return null;
    });
    return null;
  }
}
