package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One element of the {@code patchOperations} array that every API Gateway v1 Update* operation
 * takes. All four members are strings on the wire (AWS's {@code PatchOperation} shape); any of them
 * may be absent, and whether that is acceptable depends on the op, so it is judged when applied.
 */
public record PatchOperation(String op, String path, String value, String from) {

  /** A replace/add/remove/test op without {@code from}; the common case in handlers and tests. */
  public static PatchOperation of(String op, String path, String value) {
    return new PatchOperation(op, path, value, null);
  }

  /**
   * Parses the {@code patchOperations} array of a request body. A null body, a missing member or
   * JSON null mean "no operations" (AWS accepts an Update* call without any). Anything that is not
   * an array of objects with string members is rejected, never silently skipped.
   */
  public static List<PatchOperation> listFrom(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return List.of();
    }
    if (!body.isObject()) {
      throw ApiException.badRequest("request body: " + abbreviate(body) + " (expected: a JSON object)");
    }
    JsonNode array = body.get("patchOperations");
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw ApiException.badRequest(
          "patchOperations: " + abbreviate(array) + " (expected: an array of patch operations)");
    }
    List<PatchOperation> ops = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      String where = "patchOperations[" + i + "]";
      if (!element.isObject()) {
        throw ApiException.badRequest(
            where + ": " + abbreviate(element) + " (expected: an object with op, path, value, from)");
      }
      ops.add(new PatchOperation(
          text(element, "op", where), text(element, "path", where),
          text(element, "value", where), text(element, "from", where)));
    }
    return List.copyOf(ops);
  }

  /** A member that is a string, or null when absent; a number or object here is a client bug. */
  private static String text(JsonNode element, String member, String where) {
    JsonNode node = element.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest(
          where + "." + member + ": " + abbreviate(node) + " (expected: a string)");
    }
    return node.textValue();
  }

  /** Echo bad input in messages without letting a huge body blow up the error response. */
  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
