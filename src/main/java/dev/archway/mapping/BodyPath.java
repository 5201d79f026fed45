package dev.archway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import dev.archway.model.Json;

/**
 * The JSONPath of a parameter mapping ({@code method.request.body.a.b},
 * {@code integration.response.body.errorMessage}), compiled once at deploy time on the same guarded,
 * Jackson-only JSONPath as templates use. AWS writes these without the leading {@code $}.
 */
public final class BodyPath {
  private final JsonPath path;
  private final String expression;

  private BodyPath(JsonPath path, String expression) {
    this.path = path;
    this.expression = expression;
  }

  /**
   * @param expression the path after {@code body.}, e.g. {@code items[0].id}
   * @throws IllegalArgumentException naming the expression when it is not a JSONPath Archway runs
   */
  public static BodyPath compile(String expression) {
    String full = expression.startsWith("[") ? "$" + expression : "$." + expression;
    return new BodyPath(JsonPaths.compile(full), expression);
  }

  /**
   * The selected value of a JSON body: a string as it is, anything else as JSON text; null when the
   * body is not JSON or the path selects nothing.
   */
  public String read(String body) {
    JsonNode document;
    try {
      document = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return null;
    }
    if (document == null) {
      return null;
    }
    JsonNode value;
    try {
      value = JsonPaths.read(path, document);
    } catch (TemplateRuntimeException e) {
      return null;
    }
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  @Override
  public String toString() {
    return expression;
  }
}
