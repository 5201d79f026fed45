package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.TemplateException;
import dev.archway.runtime.ParameterSource;
import java.util.Map;

/**
 * Put-time checks of what an integration or integration response maps: every template compiles in
 * the sandbox (no {@code #include}, {@code #parse}, {@code #evaluate}; at most 300 KB; valid syntax
 * and literal JSONPaths) and every parameter mapping parses, so a hostile or broken definition is a
 * 400 naming it, and never reaches a deployment.
 */
public final class MappingChecks {
  private static final String REQUEST_TARGET = "integration\\.request\\.(path|querystring|header)\\.[^.].*";
  private static final String RESPONSE_TARGET = "method\\.response\\.header\\.[^.].*";

  private MappingChecks() {}

  public static void templates(Map<String, String> templates) {
    if (templates == null) {
      return;
    }
    templates.forEach((type, source) -> {
      if (source == null) {
        return;
      }
      try {
        MappingTemplate.compile(source);
      } catch (TemplateException e) {
        throw ApiException.badRequest("Invalid mapping template specified for content type " + type + ": " + e.getMessage());
      }
    });
  }

  static void requestParameters(Map<String, String> parameters) {
    check(parameters, REQUEST_TARGET, ParameterSource.Side.REQUEST);
  }

  static void responseParameters(Map<String, String> parameters) {
    check(parameters, RESPONSE_TARGET, ParameterSource.Side.RESPONSE);
  }

  private static void check(Map<String, String> parameters, String target, ParameterSource.Side side) {
    if (parameters == null) {
      return;
    }
    parameters.forEach((name, expression) -> {
      if (!name.matches(target)) {
        throw ApiException.badRequest("Invalid mapping expression specified: Validation Result: warnings : [], errors : "
            + "[Invalid mapping expression specified: " + name + "]");
      }
      try {
        ParameterSource.parse(expression, side);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("Invalid mapping expression specified: Validation Result: warnings : [], errors : "
            + "[" + e.getMessage() + "]");
      }
    });
  }
}
