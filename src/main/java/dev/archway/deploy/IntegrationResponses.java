package dev.archway.deploy;

import dev.archway.model.Integration;
import dev.archway.model.IntegrationResponse;
import dev.archway.model.Method;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.IntegrationResponseStep;
import dev.archway.runtime.ParameterSource;
import dev.archway.runtime.SelectableResponse;
import dev.archway.runtime.TemplateRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles a method's integration responses: selection regexes, header mappings, body templates. */
final class IntegrationResponses {
  private static final String HEADER = "method.response.header.";

  private IntegrationResponses() {}

  /** For tests of pure logic: templates render inline, no binary media types. */
  static IntegrationResponseStep compile(Method method, Integration integration) {
    return compile(method, integration, IntegrationResponseStep.Selection.STATUS_CODE,
        new MappingContext(TemplateRunner.INLINE, BinaryMediaTypes.NONE));
  }

  static IntegrationResponseStep compile(Method method, Integration integration, IntegrationResponseStep.Selection selection,
      MappingContext mapping) {
    List<SelectableResponse> patterned = new ArrayList<>();
    SelectableResponse fallback = null;
    Map<String, IntegrationResponse> responses =
        integration.integrationResponses() == null ? Map.of() : integration.integrationResponses();
    for (Map.Entry<String, IntegrationResponse> entry : responses.entrySet()) {
      IntegrationResponse response = entry.getValue();
      String status = response.statusCode() == null ? entry.getKey() : response.statusCode();
      SelectableResponse compiled = compileOne(method, status, response, mapping);
      if (compiled.selectionPattern() != null) {
        patterned.add(compiled);
      } else if (fallback != null) {
        throw new IllegalArgumentException("integration responses " + fallback.statusCode() + " and " + status
            + " both have no selectionPattern (expected: one default response)");
      } else {
        fallback = compiled;
      }
    }
    return new IntegrationResponseStep(patterned, fallback, selection, mapping.binaryMediaTypes(), mapping.templates(),
        !"MOCK".equals(integration.type()));
  }

  private static SelectableResponse compileOne(Method method, String status, IntegrationResponse response, MappingContext mapping) {
    if (status == null || !status.matches("[1-5]\\d\\d")) {
      throw new IllegalArgumentException("integration response statusCode: " + status + " (expected: 100-599)");
    }
    Pattern pattern = null;
    if (response.selectionPattern() != null && !response.selectionPattern().isEmpty()) {
      try {
        pattern = Pattern.compile(response.selectionPattern());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("selectionPattern of integration response " + status + ": "
            + response.selectionPattern() + " (expected: a regular expression; " + e.getDescription() + ")", e);
      }
    }
    Map<String, ParameterSource> headers = new LinkedHashMap<>();
    Map<String, String> parameters = response.responseParameters() == null ? Map.of() : response.responseParameters();
    for (Map.Entry<String, String> entry : parameters.entrySet()) {
      if (!entry.getKey().startsWith(HEADER) || entry.getKey().length() == HEADER.length()) {
        throw new IllegalArgumentException("response parameter of integration response " + status + ": "
            + entry.getKey() + " (expected: " + HEADER + "<name>)");
      }
      headers.put(entry.getKey().substring(HEADER.length()), mapping.source(entry.getValue(), ParameterSource.Side.RESPONSE));
    }
    boolean declared = method.methodResponses() != null && method.methodResponses().containsKey(status);
    Map<String, String> templates = response.responseTemplates() == null ? Map.of() : response.responseTemplates();
    return new SelectableResponse(status, pattern, declared, headers, SelectableResponse.compile(status, templates),
        response.contentHandling());
  }
}
