package dev.archway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON as templates see it ({@code $input.path}, {@code $util.parseJson}): objects become {@link JsonMap}
 * and arrays {@link JsonList}, plain mutable Java collections, so templates can navigate, test and
 * change them as on AWS. What differs is how they print, which AWS templates depend on: an object
 * prints Java-style ({@code {foo=bar}}) and an array prints as compact JSON ({@code [{"foo":"bar"}]}).
 * Every call converts afresh, so one call's result never changes what the next returns.
 */
final class JsonValues {
  private JsonValues() {}

  /** An object from JSON; prints Java-style like any {@code Map}. */
  static final class JsonMap extends LinkedHashMap<String, Object> {
    JsonMap(int size) {
      super(Math.max(4, size * 2));
    }

    @Override
    public String toString() {
      return TextOf.value(this, Budget.currentOrDefault());
    }
  }

  /** An array from JSON; prints as compact JSON. */
  static final class JsonList extends ArrayList<Object> {
    JsonList(int size) {
      super(size);
    }

    @Override
    public String toString() {
      return TextOf.value(this, Budget.currentOrDefault());
    }
  }

  /** The template-side value of a JSON node; null for a missing node or JSON null. */
  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      JsonMap map = new JsonMap(node.size());
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        map.put(field.getKey(), of(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      JsonList list = new JsonList(node.size());
      for (JsonNode element : node) {
        list.add(of(element));
      }
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.asText();
  }
}
