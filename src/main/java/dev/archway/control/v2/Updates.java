package dev.archway.control.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * v2 updates are PATCH requests whose JSON body holds the members to change: a member present
 * replaces the stored one (objects and maps as a whole), an absent or null member leaves it alone.
 */
final class Updates {
  private Updates() {}

  /** The body's members among {@code updatable}, laid over {@code current}; other members are ignored, as AWS ignores unknown JSON members. */
  static <T> T merge(T current, Call call, Set<String> updatable, Class<T> type) {
    JsonNode body = call.body();
    if (body != null && !body.isNull() && !body.isObject()) {
      throw ApiException.badRequest("Invalid request body: expected a JSON object");
    }
    ObjectNode merged = Json.MAPPER.valueToTree(current);
    if (body != null && body.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (updatable.contains(field.getKey()) && !field.getValue().isNull()) {
          merged.set(field.getKey(), field.getValue());
        }
      }
    }
    try {
      return Json.MAPPER.treeToValue(merged, type);
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid request body: " + e.getMessage().lines().findFirst().orElse("malformed"));
    }
  }

  /** Whether the body carries a non-null value for {@code member}. */
  static boolean has(Call call, String member) {
    JsonNode body = call.body();
    return body != null && body.isObject() && body.hasNonNull(member);
  }
}
