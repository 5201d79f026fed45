package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An API's tags, written in its definition as {@code tags} with {@code x-amazon-apigateway-tag-value}
 * and compared on the API itself (an import only adds tags): TagResource and UntagResource bring them
 * to the file's. The {@code _custom_id_} tag is the API's id, which {@code x-archway.id} says.
 */
final class ApiTags {
  static final String CUSTOM_ID = "_custom_id_";

  private ApiTags() {}

  /** The API's tags but its id. */
  static Map<String, String> of(JsonNode api) {
    Map<String, String> tags = new TreeMap<>();
    api.path("tags").fields().forEachRemaining(f -> tags.put(f.getKey(), f.getValue().asText()));
    tags.remove(CUSTOM_ID);
    return tags;
  }

  /** A definition with the API's tags (those of the deployment exported may be older) and without its id. */
  static void replace(ObjectNode definition, Map<String, String> tags) {
    ArrayNode kept = definition.arrayNode();
    definition.path("tags").forEach(tag -> {
      if (!tag.has(Definitions.TAG_VALUE)) {
        kept.add(tag);
      }
    });
    tags.forEach((name, value) -> kept.addObject().put("name", name).put(Definitions.TAG_VALUE, value));
    if (kept.isEmpty()) {
      definition.remove("tags");
    } else {
      definition.set("tags", kept);
    }
  }

  /** A definition that creates its API with the id {@code id}. */
  static ObjectNode withId(ObjectNode definition, String id) {
    ObjectNode copy = definition.deepCopy();
    if (id != null) {
      ArrayNode tags = copy.get("tags") instanceof ArrayNode array ? array : copy.putArray("tags");
      tags.addObject().put("name", CUSTOM_ID).put(Definitions.TAG_VALUE, id);
    }
    return copy;
  }

  /** @param arn the API's ARN; v2 APIs are tagged under {@code /v2/tags} */
  static void sync(ManagementClient client, Plan plan, String arn, boolean v2, Map<String, String> current, ObjectNode definition) {
    Map<String, String> wanted = Definitions.apiTags(definition);
    wanted.remove(CUSTOM_ID);
    ObjectNode set = ManagementClient.body();
    wanted.forEach((name, value) -> {
      if (!value.equals(current.get(name))) {
        set.put(name, value);
      }
    });
    List<String> removed = new ArrayList<>(current.keySet());
    removed.removeAll(wanted.keySet());
    if (set.isEmpty() && removed.isEmpty()) {
      return;
    }
    List<String> setNames = new ArrayList<>();
    set.fieldNames().forEachRemaining(setNames::add);
    String path = v2 ? ManagementClient.path("v2", "tags", arn) : ManagementClient.path("tags", arn);
    plan.update("tags (" + Patches.words(setNames, removed) + ")", () -> {
      if (!set.isEmpty()) {
        ObjectNode body = ManagementClient.body();
        body.set("tags", set);
        client.call("TagResource", v2 ? HttpMethod.POST : HttpMethod.PUT, path, body);
      }
      if (!removed.isEmpty()) {
        List<String> query = new ArrayList<>();
        removed.forEach(key -> query.addAll(List.of("tagKeys", key)));
        client.call("UntagResource", HttpMethod.DELETE, path, null, query.toArray(String[]::new));
      }
    });
  }
}
