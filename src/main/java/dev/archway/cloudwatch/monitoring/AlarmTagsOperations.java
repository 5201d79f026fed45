package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** TagResource, UntagResource and ListTagsForResource on alarm ARNs (the resources Archway has that CloudWatch tags). */
final class AlarmTagsOperations {
  private static final int MAX_TAGS = 50;

  private final Store store;

  AlarmTagsOperations(Store store) {
    this.store = store;
  }

  JsonNode tag(Caller caller, JsonNode input) {
    return update(caller, input.path("ResourceARN").asText(), tags -> {
      Map<String, String> next = new LinkedHashMap<>(tags);
      input.path("Tags").forEach(t -> next.put(t.path("Key").asText(), t.path("Value").asText()));
      if (next.size() > MAX_TAGS) {
        throw AwsServiceException.badRequest("InvalidParameterValueException", "A resource can have at most " + MAX_TAGS + " tags.");
      }
      return next;
    });
  }

  JsonNode untag(Caller caller, JsonNode input) {
    return update(caller, input.path("ResourceARN").asText(), tags -> {
      Map<String, String> next = new LinkedHashMap<>(tags);
      input.path("TagKeys").forEach(k -> next.remove(k.asText()));
      return next;
    });
  }

  JsonNode list(Caller caller, JsonNode input) {
    String arn = input.path("ResourceARN").asText();
    StoredAlarm alarm = store.read(docs -> docs.get(CloudWatchKinds.ALARM, caller.scope(), alarmName(caller, arn)))
        .orElseThrow(() -> notFound(arn));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode tags = out.putArray("Tags");
    alarm.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
    return out;
  }

  private JsonNode update(Caller caller, String arn, UnaryOperator<Map<String, String>> change) {
    String name = alarmName(caller, arn);
    store.write(docs -> {
      StoredAlarm alarm = docs.get(CloudWatchKinds.ALARM, caller.scope(), name).orElseThrow(() -> notFound(arn));
      docs.put(CloudWatchKinds.ALARM, caller.scope(), name, alarm.withTags(change.apply(alarm.tags())));
      return null;
    });
    return null;
  }

  private static String alarmName(Caller caller, String arn) {
    String prefix = AlarmsOperations.arn(caller, "");
    if (!arn.startsWith(prefix)) {
      throw notFound(arn);
    }
    return arn.substring(prefix.length());
  }

  private static AwsServiceException notFound(String arn) {
    ObjectNode details = Json.MAPPER.createObjectNode().put("ResourceType", "Alarm").put("ResourceId", arn);
    return new AwsServiceException(404, "ResourceNotFoundException", "The resource " + arn + " was not found.", details);
  }
}
