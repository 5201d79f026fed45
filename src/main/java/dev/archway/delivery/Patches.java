package dev.archway.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** PATCH operations as the apigateway API takes them, and the words the plan says them in. */
final class Patches {
  private Patches() {}

  /** Adds {@code {"op", "path", "value"}}; a null value is left out (remove). */
  static void op(ArrayNode ops, String op, String path, String value) {
    ObjectNode node = ops.addObject().put("op", op).put("path", path);
    if (value != null) {
      node.put("value", value);
    }
  }

  /** {@code set a, b; remove c}. */
  static String words(List<String> set, List<String> removed) {
    return words("set", set, removed);
  }

  /** {@code <verb> a, b; remove c}. */
  static String words(String verb, List<String> set, List<String> removed) {
    List<String> said = new ArrayList<>();
    if (!set.isEmpty()) {
      said.add(verb + " " + String.join(", ", set));
    }
    if (!removed.isEmpty()) {
      said.add("remove " + String.join(", ", removed));
    }
    return String.join("; ", said);
  }
}
