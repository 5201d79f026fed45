package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.InputRule.Constraint;
import dev.archway.control.wire.InputRule.Entries;
import dev.archway.control.wire.InputRule.Fields;
import dev.archway.control.wire.InputRule.Items;
import dev.archway.control.wire.InputRule.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns model shapes into {@link InputRule}s, keeping only members that hold a constraint. */
final class ModelShapes {
  private final JsonNode shapes;
  private final Map<String, List<String>> order;
  private final String orderResource;
  private final Set<String> ordered = new HashSet<>();

  ModelShapes(JsonNode shapes, Map<String, List<String>> order, String orderResource) {
    this.shapes = shapes;
    this.order = order;
    this.orderResource = orderResource;
  }

  OperationInput operation(String name, String inputShape, ServiceModel.Dialect dialect) {
    List<Fields.Field> body = new ArrayList<>();
    List<OperationInput.Parameter> labels = new ArrayList<>();
    List<OperationInput.Parameter> query = new ArrayList<>();
    shapes.get(inputShape).get("members").fields().forEachRemaining(e -> {
      JsonNode member = e.getValue();
      InputRule rule = rule(member.get("shape").asText(), new HashSet<>());
      if (rule == null) {
        return;
      }
      String wire = member.path("locationName").asText(e.getKey());
      // AWS names a URI or query member by its model name (statusCode), v2 by its wire name.
      String reported = dialect == ServiceModel.Dialect.CORAL ? e.getKey() : wire;
      switch (member.path("location").asText("")) {
        case "" -> body.add(new Fields.Field(wire, rule));
        case "uri" -> labels.add(new OperationInput.Parameter(wire, reported, rule));
        case "querystring" -> query.add(new OperationInput.Parameter(wire, reported, rule));
        default -> { } // headers hold no enum or pattern in these models
      }
    });
    if (body.isEmpty() && labels.isEmpty() && query.isEmpty()) {
      return null;
    }
    String root = dialect == ServiceModel.Dialect.CORAL ? Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Input" : "";
    return new OperationInput(root, dialect, new Fields(body), labels, query);
  }

  private InputRule rule(String shapeName, Set<String> visiting) {
    JsonNode shape = shapes.get(shapeName);
    if (shape.has("enum")) {
      return new Value(new Constraint(values(shapeName, shape.get("enum")), null));
    }
    if (shape.has("pattern")) {
      return new Value(new Constraint(null, Pattern.compile(shape.get("pattern").asText())));
    }
    if (!visiting.add(shapeName)) {
      return null;
    }
    try {
      return switch (shape.get("type").asText()) {
        case "list" -> wrap(rule(shape.get("member").get("shape").asText(), visiting), Items::new);
        case "map" -> wrap(rule(shape.get("value").get("shape").asText(), visiting), Entries::new);
        case "structure" -> structure(shape, visiting);
        default -> null;
      };
    } finally {
      visiting.remove(shapeName);
    }
  }

  private InputRule structure(JsonNode shape, Set<String> visiting) {
    List<Fields.Field> fields = new ArrayList<>();
    shape.get("members").fields().forEachRemaining(e -> {
      InputRule rule = rule(e.getValue().get("shape").asText(), visiting);
      if (rule != null) {
        fields.add(new Fields.Field(e.getValue().path("locationName").asText(e.getKey()), rule));
      }
    });
    return fields.isEmpty() ? null : new Fields(fields);
  }

  private static InputRule wrap(InputRule inner, Function<InputRule, InputRule> outer) {
    return inner == null ? null : outer.apply(inner);
  }

  /** The enum's values in AWS's order where it is recorded; the model stays the source of the values. */
  private List<String> values(String shapeName, JsonNode modelValues) {
    List<String> model = new ArrayList<>();
    modelValues.forEach(v -> model.add(v.asText()));
    List<String> aws = order.get(shapeName);
    if (aws == null) {
      return List.copyOf(model);
    }
    if (aws.size() != model.size() || !new HashSet<>(aws).equals(new HashSet<>(model))) {
      throw new IllegalStateException(orderResource + ": " + shapeName + " lists " + aws + " (expected: the model's values " + model + ")");
    }
    ordered.add(shapeName);
    return List.copyOf(aws);
  }

  void requireUsed(String shapeName) {
    if (!ordered.contains(shapeName)) {
      throw new IllegalStateException(orderResource + ": " + shapeName + " is no enum of an operation's input");
    }
  }
}
