package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a request against its input shape as AWS's front ends do before any operation runs:
 * member types, required members, lengths, ranges, patterns and enums. Constraint failures are
 * gathered into AWS's message ("2 validation errors detected: Value 'x' at 'logGroupName' failed
 * to satisfy constraint: Member must ..."); a value of the wrong type is a SerializationException.
 */
public final class InputValidator {
  /** One unmet constraint; {@code missing} when a required member is absent. */
  public record Violation(String path, String text, boolean missing) {}

  private final ServiceModel model;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public InputValidator(ServiceModel model) {
    this.model = model;
  }

  /**
   * @return the constraint violations, empty when the input is valid
   * @throws AwsServiceException SerializationException when a member has the wrong type
   */
  public List<Violation> check(String shapeName, JsonNode input) {
    List<Violation> out = new ArrayList<>();
    walk(shapeName, input, "", out);
    return out;
  }

  /** AWS's message for a list of violations. */
  public static String message(List<Violation> violations) {
    StringBuilder text = new StringBuilder().append(violations.size())
        .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (int i = 0; i < violations.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(violations.get(i).text());
    }
    return text.toString();
  }

  private void walk(String shapeName, JsonNode value, String path, List<Violation> out) {
    JsonNode shape = model.shape(shapeName);
    String type = shape.path("type").asText();
    switch (type) {
      case "structure" -> structure(shape, value, path, out);
      case "list" -> {
        expect(value.isArray(), path, "a list");
        size(shape, value, value.size(), path, out);
        String member = model.target(shape, "member");
        for (int i = 0; i < value.size(); i++) {
          walk(member, value.get(i), path + "." + (i + 1) + ".member", out);
        }
      }
      case "map" -> {
        expect(value.isObject(), path, "a map");
        size(shape, value, value.size(), path, out);
        String key = model.target(shape, "key");
        String member = model.target(shape, "value");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          walk(key, com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()), path + ".key", out);
          walk(member, entry.getValue(), path + "." + entry.getKey(), out);
        }
      }
      case "string" -> string(shape, value, path, out);
      case "integer", "long" -> {
        expect(value.isIntegralNumber() && value.canConvertToLong(), path, "an integer");
        range(shape, value, path, out);
      }
      case "double", "float" -> {
        expect(value.isNumber(), path, "a number");
        range(shape, value, path, out);
      }
      case "boolean" -> expect(value.isBoolean(), path, "a boolean");
      case "timestamp" -> expect(value.isNumber(), path, "a timestamp");
      default -> { }
    }
  }

  private void structure(JsonNode shape, JsonNode value, String path, List<Violation> out) {
    expect(value.isObject(), path, "a structure");
    for (JsonNode required : shape.path("required")) {
      JsonNode member = value.get(required.asText());
      if (member == null || member.isNull()) {
        out.add(new Violation(join(path, required.asText()),
            "Value null at '" + join(path, required.asText()) + "' failed to satisfy constraint: Member must not be null", true));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String target = model.target(shape, field.getKey());
      // Unknown members are ignored, as AWS's deserialisers ignore them.
      if (target != null && !field.getValue().isNull()) {
        walk(target, field.getValue(), join(path, field.getKey()), out);
      }
    }
  }

  private void string(JsonNode shape, JsonNode value, String path, List<Violation> out) {
    expect(value.isTextual(), path, "a string");
    String text = value.asText();
    size(shape, value, text.length(), path, out);
    if (shape.has("pattern")) {
      Pattern pattern = patterns.computeIfAbsent(shape.get("pattern").asText(), Pattern::compile);
      if (!pattern.matcher(text).matches()) {
        out.add(violation(value, path, "Member must satisfy regular expression pattern: " + pattern.pattern()));
      }
    }
    if (shape.has("enum")) {
      List<String> allowed = new ArrayList<>();
      shape.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(text)) {
        out.add(violation(value, path, "Member must satisfy enum value set: " + allowed));
      }
    }
  }

  private static void size(JsonNode shape, JsonNode value, int size, String path, List<Violation> out) {
    if (shape.has("min") && size < shape.get("min").asLong()) {
      out.add(violation(value, path, "Member must have length greater than or equal to " + shape.get("min").asLong()));
    }
    if (shape.has("max") && size > shape.get("max").asLong()) {
      out.add(violation(value, path, "Member must have length less than or equal to " + shape.get("max").asLong()));
    }
  }

  private static void range(JsonNode shape, JsonNode value, String path, List<Violation> out) {
    if (shape.has("min") && value.asDouble() < shape.get("min").asDouble()) {
      out.add(violation(value, path, "Member must have value greater than or equal to " + shape.get("min").asText()));
    }
    if (shape.has("max") && value.asDouble() > shape.get("max").asDouble()) {
      out.add(violation(value, path, "Member must have value less than or equal to " + shape.get("max").asText()));
    }
  }

  private static Violation violation(JsonNode value, String path, String constraint) {
    String shown = value.isTextual() ? value.asText() : value.toString();
    if (shown.length() > 100) {
      shown = shown.substring(0, 100) + "...";
    }
    return new Violation(path, "Value '" + shown + "' at '" + path + "' failed to satisfy constraint: " + constraint, false);
  }

  private static void expect(boolean ok, String path, String what) {
    if (!ok) {
      throw AwsServiceException.badRequest("SerializationException",
          "Unexpected value at '" + (path.isEmpty() ? "(body)" : path) + "' (expected: " + what + ")");
    }
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }
}
