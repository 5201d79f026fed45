package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one member of an operation's input must satisfy, compiled from the service model: an enum
 * or a pattern on a string, and the same inside lists, maps and structures. Only members that hold
 * a constraint somewhere below them are kept.
 */
sealed interface InputRule {

  /** Adds one message to {@code errors} for each value under {@code node} that breaks a constraint. */
  void check(JsonNode node, String path, ServiceModel.Dialect dialect, List<String> errors);

  /** An enum (values in the order AWS names them) or a pattern, as the model states it. */
  record Constraint(List<String> values, Pattern pattern) {
    boolean accepts(String value) {
      return values != null ? values.contains(value) : pattern.matcher(value).matches();
    }

    String coral() {
      return values != null
          ? "Member must satisfy enum value set: [" + String.join(", ", values) + "]"
          : "Member must satisfy regular expression pattern: " + pattern.pattern();
    }

    String expectation() {
      return values != null ? "one of " + values : "a value matching " + pattern.pattern();
    }
  }

  /** A string member. A value of another JSON type is left to the operation, which refuses it. */
  record Value(Constraint constraint) implements InputRule {
    @Override
    public void check(JsonNode node, String path, ServiceModel.Dialect dialect, List<String> errors) {
      if (node == null || !node.isTextual() || constraint.accepts(node.textValue())) {
        return;
      }
      errors.add(dialect == ServiceModel.Dialect.CORAL
          ? "Value '" + node.textValue() + "' at '" + path + "' failed to satisfy constraint: " + constraint.coral()
          : "Invalid " + path + ": " + node.textValue() + " (expected: " + constraint.expectation() + ")");
    }
  }

  /**
   * A list. AWS (Coral) reports a list of strings once, as a whole ({@code Value '[wrong]' at
   * '...types'}); members of a list of structures by position, counted from 1 ({@code
   * patchOperations.2.member.op}).
   */
  record Items(InputRule element) implements InputRule {
    @Override
    public void check(JsonNode node, String path, ServiceModel.Dialect dialect, List<String> errors) {
      if (node == null || !node.isArray()) {
        return;
      }
      if (element instanceof Value value && dialect == ServiceModel.Dialect.CORAL) {
        List<String> items = new ArrayList<>();
        boolean broken = false;
        for (JsonNode item : node) {
          items.add(item.asText());
          broken |= item.isTextual() && !value.constraint().accepts(item.textValue());
        }
        if (broken) {
          errors.add("Value '[" + String.join(", ", items) + "]' at '" + path + "' failed to satisfy constraint: "
              + "Member must satisfy constraint: [" + value.constraint().coral() + "]");
        }
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        String where = dialect == ServiceModel.Dialect.CORAL ? path + "." + (i + 1) + ".member" : path + "[" + i + "]";
        element.check(node.get(i), where, dialect, errors);
      }
    }
  }

  /** A map whose values hold constraints; each value is named by its key. */
  record Entries(InputRule value) implements InputRule {
    @Override
    public void check(JsonNode node, String path, ServiceModel.Dialect dialect, List<String> errors) {
      if (node == null || !node.isObject()) {
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        value.check(entry.getValue(), path + "." + entry.getKey(), dialect, errors);
      }
    }
  }

  /** A structure: its members in the model's order. {@code json} is the member's name on the wire. */
  record Fields(List<Field> fields) implements InputRule {
    record Field(String json, InputRule rule) {}

    @Override
    public void check(JsonNode node, String path, ServiceModel.Dialect dialect, List<String> errors) {
      if (node == null || !node.isObject()) {
        return;
      }
      for (Field field : fields) {
        field.rule().check(node.get(field.json()), path.isEmpty() ? field.json() : path + "." + field.json(), dialect, errors);
      }
    }
  }
}
