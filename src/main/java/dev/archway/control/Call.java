package dev.archway.control;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import java.util.List;
import java.util.Map;

/**
 * One management request, parsed: the caller, the URI labels, the query and the JSON body. An
 * operation whose body is a document of its own (ImportApiKeys' CSV) reads {@code rawBody}; its
 * {@code body} is null.
 */
public record Call(
    Caller caller, Map<String, String> labels, Map<String, List<String>> query, JsonNode body, byte[] rawBody) {

  public Call(Caller caller, Map<String, String> labels, Map<String, List<String>> query, JsonNode body) {
    this(caller, labels, query, body, new byte[0]);
  }

  public String label(String name) {
    return labels.get(name);
  }

  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The body as a request record; a body of the wrong shape is the caller's error. */
  public <T> T bodyAs(Class<T> type) {
    JsonNode node = body == null ? NullNode.getInstance() : body;
    if (!node.isNull() && !node.isObject()) {
      throw ApiException.badRequest("Invalid request body: expected a JSON object");
    }
    try {
      return Json.MAPPER.treeToValue(node.isNull() ? Json.MAPPER.createObjectNode() : node, type);
    } catch (JsonMappingException e) {
      // Name the member, never the Java types behind it.
      throw ApiException.badRequest("Invalid request body: unexpected value for '" + memberPath(e) + "'");
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid request body");
    }
  }

  private static String memberPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(body)" : path.toString();
  }
}
