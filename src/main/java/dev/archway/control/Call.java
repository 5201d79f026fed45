package dev.archway.control;

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
    try {
      T value = Json.MAPPER.treeToValue(node.isNull() ? Json.MAPPER.createObjectNode() : node, type);
      return value;
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid request body: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
