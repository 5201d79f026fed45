package dev.archway.cloudwatch.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.cloudwatch.logs.FilterTokens.Token;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The JSON form of a filter pattern: {@code { $.a.b[0] op value }} joined by {@code &&} (binding
 * tighter) and {@code ||}, with parentheses, {@code IS TRUE|FALSE|NULL} and {@code NOT EXISTS}. An
 * event that is not a JSON object matches nothing; a selector that names nothing fails every
 * comparison.
 */
final class JsonFilter {
  private final FilterTokens tokens;

  private JsonFilter(FilterTokens tokens) {
    this.tokens = tokens;
  }

  static Predicate<String> parse(String text) {
    JsonFilter parser = new JsonFilter(FilterTokens.of(text));
    parser.tokens.expect("{");
    Predicate<JsonNode> expression = parser.or();
    parser.tokens.expect("}");
    if (!parser.tokens.done()) {
      throw new IllegalArgumentException("unexpected '" + parser.tokens.peek().text() + "' after '}'");
    }
    return message -> {
      JsonNode event = parseEvent(message);
      return event != null && expression.test(event);
    };
  }

  private static JsonNode parseEvent(String message) {
    String trimmed = message.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(trimmed);
    } catch (Exception e) {
      return null;
    }
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (tokens.take("||")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = term();
    while (tokens.take("&&")) {
      left = left.and(term());
    }
    return left;
  }

  private Predicate<JsonNode> term() {
    if (tokens.take("(")) {
      Predicate<JsonNode> inner = or();
      tokens.expect(")");
      return inner;
    }
    List<Object> path = selector();
    Token next = tokens.next();
    if (next.is("IS")) {
      Token what = tokens.next();
      return switch (what.text()) {
        case "TRUE" -> node -> isBoolean(resolve(node, path), true);
        case "FALSE" -> node -> isBoolean(resolve(node, path), false);
        case "NULL" -> node -> resolve(node, path) != null && resolve(node, path).isNull();
        default -> throw new IllegalArgumentException("expected TRUE, FALSE or NULL after IS, found '" + what.text() + "'");
      };
    }
    if (next.is("NOT")) {
      tokens.expect("EXISTS");
      return node -> resolve(node, path) == null;
    }
    if (!FilterTokens.isOperator(next)) {
      throw new IllegalArgumentException("expected an operator after the selector, found '" + next.text() + "'");
    }
    Token value = tokens.next();
    Comparison comparison = Comparison.of(next.text(), value.text(), value.quoted());
    return node -> {
      JsonNode found = resolve(node, path);
      return found != null && found.isValueNode() && !found.isNull() && comparison.test(found.asText(), found.isNumber());
    };
  }

  private static boolean isBoolean(JsonNode node, boolean value) {
    return node != null && node.isBoolean() && node.booleanValue() == value;
  }

  /** {@code $.a.b[0].c} as keys (strings) and indexes (integers). */
  private List<Object> selector() {
    Token first = tokens.next();
    if (first.quoted() || !first.text().startsWith("$")) {
      throw new IllegalArgumentException("expected a selector starting with $, found '" + first.text() + "'");
    }
    List<Object> path = new ArrayList<>();
    keys(first.text().substring(1), path);
    while (tokens.take("[")) {
      Token index = tokens.next();
      try {
        path.add(Integer.parseInt(index.text()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an array index, found '" + index.text() + "'");
      }
      tokens.expect("]");
      Token rest = tokens.peek();
      if (rest != null && !rest.quoted() && rest.text().startsWith(".")) {
        keys(tokens.next().text(), path);
      }
    }
    return path;
  }

  private static void keys(String text, List<Object> path) {
    if (text.isEmpty()) {
      return;
    }
    if (!text.startsWith(".") || text.endsWith(".")) {
      throw new IllegalArgumentException("bad selector part '" + text + "'");
    }
    for (String key : text.substring(1).split("\\.", -1)) {
      if (key.isEmpty()) {
        throw new IllegalArgumentException("empty key in selector '" + text + "'");
      }
      path.add(key);
    }
  }

  private static JsonNode resolve(JsonNode node, List<Object> path) {
    JsonNode at = node;
    for (Object step : path) {
      at = step instanceof Integer index ? at.get(index) : at.get((String) step);
      if (at == null) {
        return null;
      }
    }
    return at;
  }
}
