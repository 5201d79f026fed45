package dev.archway.control.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code $ref}s of an imported definition. Only references inside the document ({@code #/...}) are
 * followed; a definition that names any other document (a URL or a file) is refused before anything
 * is read, so importing never reaches the network or the disk.
 */
public final class References {
  private static final int MAX_HOPS = 16;

  private References() {}

  /** Refuses a definition with any {@code $ref} outside the document (an iterative walk: the depth is bounded already). */
  public static void refuseExternal(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getKey().equals("$ref") && field.getValue().isTextual() && !field.getValue().asText().startsWith("#")) {
            throw ApiException.badRequest("Invalid OpenAPI definition: the reference " + abbreviate(field.getValue().asText())
                + " is outside the document (expected: a reference within the document, such as #/components/schemas/Pet)");
          }
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
  }

  /** The node itself, or what its {@code $ref} points at (followed up to 16 times). */
  public static JsonNode resolve(JsonNode root, JsonNode node, String where) {
    JsonNode current = node;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (current == null || !current.isObject() || !current.has("$ref")) {
        return current;
      }
      String ref = current.get("$ref").asText();
      JsonPointer pointer;
      try {
        pointer = JsonPointer.compile(ref.substring(1));
      } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
        throw unresolved(ref, where);
      }
      current = root.at(pointer);
      if (current.isMissingNode()) {
        throw unresolved(ref, where);
      }
    }
    throw ApiException.badRequest("Invalid OpenAPI definition: " + where + ": references nested more than " + MAX_HOPS + " deep");
  }

  private static ApiException unresolved(String ref, String where) {
    return ApiException.badRequest("Invalid OpenAPI definition: " + where + ": the reference " + abbreviate(ref) + " does not resolve");
  }

  public static String abbreviate(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "...";
  }
}
