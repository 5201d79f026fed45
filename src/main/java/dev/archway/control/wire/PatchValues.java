package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.archway.control.wire.PatchRules.Kind;

/**
 * Turns the string an op carries into the JSON type its path stores. Only the type is checked
 * here; ranges and enums (timeoutInMillis 50..29000, authorizationType) are the handlers' job,
 * since they re-validate the whole patched document anyway.
 */
final class PatchValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PatchValues() {}

  static JsonNode typed(Kind kind, String value, String path) {
    if (value == null) {
      throw ApiException.badRequest("Invalid patch value for path " + path
          + ": missing (expected: a value for this op)");
    }
    return switch (kind) {
      case STRING, STRING_MAP, STRING_LIST -> NODES.textNode(value);
      case BOOLEAN, BOOLEAN_MAP -> NODES.booleanNode(bool(value, path));
      case INTEGER -> NODES.numberNode(integer(value, path));
      case NUMBER -> NODES.numberNode(number(value, path));
      case OBJECT -> throw ApiException.badRequest("Invalid patch value for path " + path
          + ": an object is only removed whole");
    };
  }

  /** Strict: Boolean.parseBoolean would quietly turn a typo like "ture" into false. */
  private static boolean bool(String value, String path) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiException.badRequest("Invalid patch value for path " + path + ": '" + value
        + "' (expected: true or false)");
  }

  private static int integer(String value, String path) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Invalid patch value for path " + path + ": '" + value
          + "' (expected: a whole number)");
    }
  }

  private static double number(String value, String path) {
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the one message below
    }
    throw ApiException.badRequest("Invalid patch value for path " + path + ": '" + value
        + "' (expected: a number)");
  }
}
