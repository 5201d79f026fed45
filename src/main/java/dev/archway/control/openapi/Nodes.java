package dev.archway.control.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of definition members, lenient where AWS is (a number where a string is expected), strict otherwise. */
public final class Nodes {
  private Nodes() {}

  /** A scalar as text (numbers and booleans too), or null when absent. */
  public static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw ApiException.badRequest("Invalid OpenAPI definition: " + member + " must be a string, not " + value.getNodeType().name().toLowerCase());
    }
    return value.asText();
  }

  /** A version member such as payloadFormatVersion, which YAML and careless JSON write as a number: 2 and 2.0 are "2.0". */
  public static String version(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      String plain = value.decimalValue().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return text(node, member);
  }

  public static Integer integer(JsonNode node, String member) {
    String value = text(node, member);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Invalid OpenAPI definition: " + member + ": " + References.abbreviate(value) + " (expected: an integer)");
    }
  }

  public static Boolean bool(JsonNode node, String member) {
    String value = text(node, member);
    return value == null ? null : Boolean.valueOf(value.strip());
  }

  /** A list of strings, from an array or a comma-separated string (identitySource is written both ways). */
  public static List<String> list(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> out.add(item.asText()));
    } else {
      for (String part : value.asText().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  public static Map<String, String> stringMap(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw ApiException.badRequest("Invalid OpenAPI definition: " + member + " must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}
