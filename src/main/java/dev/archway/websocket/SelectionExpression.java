package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket selection expression ({@code $request.body.action}, {@code ${request.body.version}-beta},
 * {@code \$default}), parsed once when the API is written or deployed and evaluated per message.
 * As AWS's: a variable starts with {@code $}, braces bound it, {@code \$} is a literal dollar sign,
 * text outside variables is literal, and evaluation happens once (a value is never evaluated again).
 *
 * <p>The variables are {@code request.body} followed by a path of member names and array indexes
 * ({@code .action}, {@code ['a b']}, {@code [0]}) and, where the expression selects an integration
 * response, {@code integration.response.statuscode} and {@code integration.response.body...}.
 * JSONPath wildcards, filters and recursive descent are refused (Archway's choice: a key is one value).
 * A path that finds nothing, or a body that is not JSON, evaluates to the empty string. An expression
 * that is exactly {@code $default} means the {@code $default} key, as if escaped.
 */
public final class SelectionExpression {
  /** Where a variable reads from. */
  public enum Source { REQUEST_BODY, RESPONSE_BODY, RESPONSE_STATUS }

  private sealed interface Part permits Text, Variable {}

  private record Text(String text) implements Part {}

  private record Variable(Source source, List<Object> path) implements Part {}

  /** The catch-all key of routes, templates and models. */
  public static final String DEFAULT_KEY = "$default";
  private static final String REQUEST_BODY = "request.body";
  private static final String RESPONSE_BODY = "integration.response.body";
  private static final String RESPONSE_STATUS = "integration.response.statuscode";

  private final String source;
  private final List<Part> parts;

  private SelectionExpression(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** An expression over the request body only (route, template and model selection). */
  public static SelectionExpression parseRequest(String expression) {
    return parse(expression, false);
  }

  /**
   * Parses an expression; {@code response} allows the integration-response variables too.
   *
   * @throws IllegalArgumentException naming what is wrong and what was expected
   */
  public static SelectionExpression parse(String expression, boolean response) {
    if (expression == null) {
      throw new IllegalArgumentException("selection expression: null (expected: text such as $request.body.action)");
    }
    if (expression.equals(DEFAULT_KEY)) {
      // Written without its escape, $default can only mean the $default key (it names no variable).
      return new SelectionExpression(expression, List.of(new Text(DEFAULT_KEY)));
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\\' && i + 1 < expression.length() && expression.charAt(i + 1) == '$') {
        text.append('$');
        i += 2;
        continue;
      }
      if (c != '$') {
        text.append(c);
        i++;
        continue;
      }
      int end;
      String name;
      if (i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
        end = expression.indexOf('}', i + 2);
        if (end < 0) {
          throw invalid(expression, "a '}' closing '${' at position " + i);
        }
        name = expression.substring(i + 2, end);
        end++;
      } else {
        end = variableEnd(expression, i + 1);
        name = expression.substring(i + 1, end);
      }
      if (!text.isEmpty()) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
      parts.add(variable(expression, name, response));
      i = end;
    }
    if (!text.isEmpty()) {
      parts.add(new Text(text.toString()));
    }
    return new SelectionExpression(expression, parts);
  }

  /** Whether the expression reads anything (an expression of text only always gives the same key). */
  public boolean isConstant() {
    return parts.stream().allMatch(Text.class::isInstance);
  }

  /** Whether evaluating needs the request body parsed as JSON. */
  public boolean readsRequestBody() {
    return parts.stream().anyMatch(p -> p instanceof Variable v && v.source() == Source.REQUEST_BODY);
  }

  /** Whether evaluating needs the integration's answer parsed as JSON. */
  public boolean readsResponseBody() {
    return parts.stream().anyMatch(p -> p instanceof Variable v && v.source() == Source.RESPONSE_BODY);
  }

  /** The key for a message whose body is {@code body} (null when it is not JSON). */
  public String evaluate(JsonNode body) {
    return evaluate(body, null, 0);
  }

  /** The key for an integration's answer: its status code and its body (null when not JSON). */
  public String evaluate(JsonNode requestBody, JsonNode responseBody, int statusCode) {
    if (parts.size() == 1 && parts.get(0) instanceof Text t) {
      return t.text();
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(t.text());
      } else if (part instanceof Variable v) {
        switch (v.source()) {
          case REQUEST_BODY -> out.append(valueAt(requestBody, v.path()));
          case RESPONSE_BODY -> out.append(valueAt(responseBody, v.path()));
          case RESPONSE_STATUS -> out.append(statusCode);
        }
      }
    }
    return out.toString();
  }

  private static String valueAt(JsonNode node, List<Object> path) {
    JsonNode at = node;
    for (Object step : path) {
      if (at == null) {
        return "";
      }
      at = step instanceof Integer index ? at.get(index) : at.get((String) step);
    }
    if (at == null || at.isNull() || at.isMissingNode()) {
      return "";
    }
    return at.isValueNode() ? at.asText() : at.toString();
  }

  private static int variableEnd(String expression, int from) {
    int i = from;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '[') {
        int close = expression.indexOf(']', i);
        if (close < 0) {
          throw invalid(expression, "a ']' closing '[' at position " + i);
        }
        i = close + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static Variable variable(String expression, String name, boolean response) {
    if (name.equals(RESPONSE_STATUS) && response) {
      return new Variable(Source.RESPONSE_STATUS, List.of());
    }
    if (startsWithRoot(name, RESPONSE_BODY) && response) {
      return new Variable(Source.RESPONSE_BODY, path(expression, name.substring(RESPONSE_BODY.length())));
    }
    if (startsWithRoot(name, REQUEST_BODY)) {
      return new Variable(Source.REQUEST_BODY, path(expression, name.substring(REQUEST_BODY.length())));
    }
    throw invalid(expression, "variables $request.body.<path>"
        + (response ? ", $integration.response.statuscode or $integration.response.body.<path>" : "")
        + "; got $" + name);
  }

  private static boolean startsWithRoot(String name, String root) {
    return name.startsWith(root) && (name.length() == root.length() || name.charAt(root.length()) == '.'
        || name.charAt(root.length()) == '[');
  }

  /** {@code .a['b c'][0]} as its steps: member names and array indexes. */
  private static List<Object> path(String expression, String path) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String member = path.substring(i + 1, end);
        if (member.isEmpty() || member.equals("*")) {
          throw unsupportedPath(expression);
        }
        steps.add(member);
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        String inside = close < 0 ? "" : path.substring(i + 1, close).trim();
        if (inside.matches("\\d{1,9}")) {
          steps.add(Integer.parseInt(inside));
        } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          throw unsupportedPath(expression);
        }
        i = close + 1;
      } else {
        throw unsupportedPath(expression);
      }
    }
    return steps;
  }

  private static IllegalArgumentException unsupportedPath(String expression) {
    return invalid(expression, "a path of member names and array indexes, such as $request.body.action or "
        + "${request.body.data[0].type}; wildcards, filters and '..' are not supported");
  }

  private static IllegalArgumentException invalid(String expression, String expected) {
    String shown = expression.length() <= 200 ? expression : expression.substring(0, 200) + "...";
    return new IllegalArgumentException("selection expression " + shown + " (expected: " + expected + ")");
  }

  @Override
  public String toString() {
    return source;
  }
}
