package dev.archway.cloudwatch.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Tags of log groups: TagResource, UntagResource, ListTagsForResource and the older *LogGroup forms. */
final class LogTagsOperations {
  private static final int MAX_TAGS = 50;

  private final Store store;

  LogTagsOperations(Store store) {
    this.store = store;
  }

  JsonNode tagResource(Caller caller, JsonNode input) {
    return tag(caller, groupOf(caller, input.path("resourceArn").asText()), input.path("tags"));
  }

  JsonNode untagResource(Caller caller, JsonNode input) {
    return untag(caller, groupOf(caller, input.path("resourceArn").asText()), input.path("tagKeys"));
  }

  JsonNode listTagsForResource(Caller caller, JsonNode input) {
    return list(caller, groupOf(caller, input.path("resourceArn").asText()));
  }

  JsonNode tagLogGroup(Caller caller, JsonNode input) {
    return tag(caller, input.path("logGroupName").asText(), input.path("tags"));
  }

  JsonNode untagLogGroup(Caller caller, JsonNode input) {
    return untag(caller, input.path("logGroupName").asText(), input.path("tags"));
  }

  JsonNode listTagsLogGroup(Caller caller, JsonNode input) {
    return list(caller, input.path("logGroupName").asText());
  }

  private JsonNode tag(Caller caller, String group, JsonNode tags) {
    return update(caller, group, current -> {
      Map<String, String> next = new LinkedHashMap<>(current);
      tags.fields().forEachRemaining(e -> next.put(e.getKey(), e.getValue().asText()));
      if (next.size() > MAX_TAGS) {
        throw new AwsServiceException(400, "TooManyTagsException", "A resource can have no more than " + MAX_TAGS + " tags.");
      }
      return next;
    });
  }

  private JsonNode untag(Caller caller, String group, JsonNode keys) {
    return update(caller, group, current -> {
      Map<String, String> next = new LinkedHashMap<>(current);
      keys.forEach(key -> next.remove(key.asText()));
      return next;
    });
  }

  private JsonNode update(Caller caller, String name, UnaryOperator<Map<String, String>> change) {
    store.write(docs -> {
      LogGroup group = docs.get(LogKinds.GROUP, caller.scope(), name).orElseThrow(LogGroups::groupNotFound);
      docs.put(LogKinds.GROUP, caller.scope(), name, group.withTags(change.apply(group.tags())));
      return null;
    });
    return null;
  }

  private JsonNode list(Caller caller, String name) {
    LogGroup group = store.read(docs -> docs.get(LogKinds.GROUP, caller.scope(), name)).orElseThrow(LogGroups::groupNotFound);
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode tags = out.putObject("tags");
    group.tags().forEach(tags::put);
    return out;
  }

  /** Only log groups carry tags here: a log group ARN, with or without the trailing {@code :*}. */
  private static String groupOf(Caller caller, String arn) {
    String trimmed = arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    if (!trimmed.startsWith("arn:")) {
      throw LogGroups.invalid("Invalid resource ARN: " + arn);
    }
    return LogGroups.nameOf(caller, trimmed);
  }
}
