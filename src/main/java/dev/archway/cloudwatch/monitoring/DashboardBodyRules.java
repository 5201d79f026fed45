package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.archway.model.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a dashboard body against AWS's "Dashboard Body Structure and Syntax": a JSON object
 * with a {@code widgets} array; each widget a known {@code type}, {@code x} 0..23, {@code y} >= 0,
 * {@code width} 1..24, {@code height} 1..1000, and the {@code properties} its type needs (metric:
 * {@code metrics} arrays and {@code region}; text: {@code markdown}; alarm: {@code alarms}; log:
 * {@code query} and {@code region}). Each failure is a validation message with its data path.
 */
final class DashboardBodyRules {
  private static final Set<String> TYPES = Set.of("metric", "text", "log", "alarm", "explorer", "custom");
  private static final Set<String> TOP_LEVEL = Set.of("widgets", "start", "end", "periodOverride", "variables");

  /** One problem: where in the body ({@code /widgets/0/properties}) and what. */
  record Message(String dataPath, String message) {}

  private DashboardBodyRules() {}

  /** @return the problems; the body is valid when there are none */
  static List<Message> check(String body) {
    List<Message> out = new java.util.ArrayList<>();
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return List.of(new Message("", "The field DashboardBody must be a valid JSON object"));
    }
    if (root == null || !root.isObject()) {
      return List.of(new Message("", "The field DashboardBody must be a valid JSON object"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!TOP_LEVEL.contains(field)) {
        out.add(new Message("", "Should NOT have additional properties '" + field + "'"));
      }
    }
    JsonNode widgets = root.get("widgets");
    if (widgets == null) {
      out.add(new Message("", "Should have required property 'widgets'"));
      return out;
    }
    if (!widgets.isArray()) {
      out.add(new Message("/widgets", "Should be array"));
      return out;
    }
    if (widgets.size() > 500) {
      out.add(new Message("/widgets", "Should NOT have more than 500 items"));
    }
    for (int i = 0; i < widgets.size(); i++) {
      widget(widgets.get(i), "/widgets/" + i, out);
    }
    return out;
  }

  private static void widget(JsonNode widget, String path, List<Message> out) {
    if (!widget.isObject()) {
      out.add(new Message(path, "Should be object"));
      return;
    }
    String type = widget.path("type").asText(null);
    if (type == null) {
      out.add(new Message(path, "Should have required property 'type'"));
    } else if (!TYPES.contains(type)) {
      out.add(new Message(path + "/type", "Should be equal to one of the allowed values " + TYPES.stream().sorted().toList()));
    }
    range(widget, "x", 0, 23, path, out);
    range(widget, "y", 0, Integer.MAX_VALUE, path, out);
    range(widget, "width", 1, 24, path, out);
    range(widget, "height", 1, 1000, path, out);
    JsonNode properties = widget.get("properties");
    if (properties == null || !properties.isObject()) {
      out.add(new Message(path, "Should have required property 'properties'"));
      return;
    }
    String at = path + "/properties";
    switch (type == null ? "" : type) {
      case "metric" -> {
        required(properties, "region", at, out);
        JsonNode metrics = properties.get("metrics");
        if (metrics != null) {
          if (!metrics.isArray()) {
            out.add(new Message(at + "/metrics", "Should be array"));
          } else {
            for (int m = 0; m < metrics.size(); m++) {
              if (!metrics.get(m).isArray()) {
                out.add(new Message(at + "/metrics/" + m, "Should be array"));
              }
            }
          }
        } else if (!properties.has("annotations")) {
          out.add(new Message(at, "Should have required property 'metrics'"));
        }
      }
      case "text" -> required(properties, "markdown", at, out);
      case "alarm" -> required(properties, "alarms", at, out);
      case "log" -> {
        required(properties, "query", at, out);
        required(properties, "region", at, out);
      }
      default -> { }
    }
  }

  private static void required(JsonNode node, String field, String path, List<Message> out) {
    if (!node.has(field)) {
      out.add(new Message(path, "Should have required property '" + field + "'"));
    }
  }

  private static void range(JsonNode widget, String field, int min, int max, String path, List<Message> out) {
    JsonNode value = widget.get(field);
    if (value == null) {
      return;
    }
    if (!value.isIntegralNumber()) {
      out.add(new Message(path + "/" + field, "Should be integer"));
    } else if (value.asLong() < min) {
      out.add(new Message(path + "/" + field, "Should be >= " + min));
    } else if (value.asLong() > max) {
      out.add(new Message(path + "/" + field, "Should be <= " + max));
    }
  }

  static ArrayNode wire(List<Message> messages) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    messages.forEach(m -> list.addObject().put("DataPath", m.dataPath()).put("Message", m.message()));
    return list;
  }
}
