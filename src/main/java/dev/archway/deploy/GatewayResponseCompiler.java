package dev.archway.deploy;

import dev.archway.model.GatewayResponse;
import dev.archway.runtime.CustomGatewayResponse;
import dev.archway.runtime.CustomGatewayResponses;
import dev.archway.runtime.ErrorTemplate;
import dev.archway.runtime.ParameterSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a deployment's customised gateway responses: status, header mappings and body template, parsed once. */
final class GatewayResponseCompiler {
  private static final String HEADER = "gatewayresponse.header.";
  private static final String JSON = "application/json";

  private GatewayResponseCompiler() {}

  static CustomGatewayResponses compile(List<GatewayResponse> responses) {
    if (responses == null || responses.isEmpty()) {
      return CustomGatewayResponses.NONE;
    }
    Map<String, CustomGatewayResponse> byType = new HashMap<>();
    for (GatewayResponse r : responses) {
      try {
        byType.put(r.responseType(), compile(r));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("gateway response " + r.responseType() + ": " + e.getMessage(), e);
      }
    }
    return new CustomGatewayResponses(byType);
  }

  private static CustomGatewayResponse compile(GatewayResponse r) {
    Integer status = null;
    if (r.statusCode() != null) {
      try {
        status = Integer.valueOf(r.statusCode());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("statusCode: " + r.statusCode() + " (expected: 100..599)");
      }
    }
    Map<String, ParameterSource> headers = new LinkedHashMap<>();
    Map<String, String> parameters = r.responseParameters() == null ? Map.of() : r.responseParameters();
    parameters.forEach((target, source) -> {
      if (!target.startsWith(HEADER) || target.length() == HEADER.length()) {
        throw new IllegalArgumentException("response parameter: " + target + " (expected: " + HEADER + "<name>)");
      }
      headers.put(target.substring(HEADER.length()), ParameterSource.parse(source, ParameterSource.Side.REQUEST));
    });
    Map<String, String> templates = r.responseTemplates() == null ? Map.of() : r.responseTemplates();
    String type = templates.containsKey(JSON) || templates.isEmpty() ? JSON : templates.keySet().iterator().next();
    String template = templates.get(type);
    return new CustomGatewayResponse(status, headers, type, template == null ? ErrorTemplate.DEFAULT : ErrorTemplate.parse(template));
  }
}
