package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.archway.control.wire.InputRule.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled checks of one operation's input: its body members (under {@code root}, AWS's name
 * for the input: {@code putIntegrationInput}), then its URI labels, then its query parameters.
 */
public record OperationInput(
    String root, ServiceModel.Dialect dialect, Fields body, List<Parameter> labels, List<Parameter> query) {

  /** A URI label or query parameter: its name in the request and the name AWS's message gives it. */
  record Parameter(String wire, String reported, InputRule rule) {}

  /** @throws ApiException AWS's answer naming every broken constraint (v1), or the first one (v2) */
  public void verify(Map<String, String> uriLabels, Map<String, List<String>> queryParameters, JsonNode requestBody) {
    List<String> errors = new ArrayList<>();
    body.check(requestBody, root, dialect, errors);
    for (Parameter label : labels) {
      String value = uriLabels.get(label.wire());
      label.rule().check(value == null ? null : TextNode.valueOf(value), label.reported(), dialect, errors);
    }
    for (Parameter parameter : query) {
      List<String> values = queryParameters.getOrDefault(parameter.wire(), List.of());
      parameter.rule().check(values.isEmpty() ? null : TextNode.valueOf(values.get(0)), parameter.reported(), dialect, errors);
    }
    if (errors.isEmpty()) {
      return;
    }
    if (dialect == ServiceModel.Dialect.V2) {
      throw ApiException.badRequest(errors.get(0));
    }
    int n = errors.size();
    throw new ApiException(400, "ValidationException",
        n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", errors));
  }
}
