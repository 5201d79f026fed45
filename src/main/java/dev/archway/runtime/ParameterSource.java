package dev.archway.runtime;

import java.util.List;

/**
 * The right-hand side of a parameter mapping, parsed at deploy time: a {@code 'static'} literal,
 * a method request parameter, a stage variable or an integration response header.
 */
public sealed interface ParameterSource {

  /** The value for this request, or null when the source is absent. */
  String valueFrom(Exchange exchange);

  /** Request mappings read the method request; response mappings read the endpoint response. */
  enum Side { REQUEST, RESPONSE }

  static ParameterSource parse(String expression, Side side) {
    if (expression == null) {
      throw new IllegalArgumentException("mapping expression: null (expected: 'literal' or a parameter reference)");
    }
    if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
      return new Literal(expression.substring(1, expression.length() - 1));
    }
    String rest;
    if ((rest = after(expression, "stageVariables.")) != null) {
      return new StageVariable(rest);
    }
    if (side == Side.RESPONSE) {
      if ((rest = after(expression, "integration.response.header.")) != null) {
        return new ResponseHeader(rest);
      }
      throw unsupported(expression, List.of("integration.response.header.x"));
    }
    for (String location : List.of("path", "querystring", "header")) {
      if ((rest = after(expression, "method.request." + location + ".")) != null) {
        return new RequestParameter(location, rest);
      }
    }
    throw unsupported(expression, List.of("method.request.path.x", "method.request.querystring.x", "method.request.header.x"));
  }

  private static String after(String expression, String prefix) {
    return expression.startsWith(prefix) && expression.length() > prefix.length() ? expression.substring(prefix.length()) : null;
  }

  private static IllegalArgumentException unsupported(String expression, List<String> forms) {
    return new IllegalArgumentException("mapping expression: " + expression
        + " (expected: 'literal', stageVariables.x, " + String.join(", ", forms) + ")");
  }

  record Literal(String value) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      return value;
    }

    @Override
    public String toString() {
      return "'" + value + "'";
    }
  }

  record StageVariable(String name) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      return exchange.stage().variables().get(name);
    }

    @Override
    public String toString() {
      return "stageVariables." + name;
    }
  }

  /** {@code location} is path, querystring or header. */
  record RequestParameter(String location, String name) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      MethodRequest request = exchange.methodRequest();
      return switch (location) {
        case "path" -> request.pathParameters().get(name);
        case "querystring" -> request.queryParameters().get(name);
        default -> request.headers().get(name);
      };
    }

    @Override
    public String toString() {
      return "method.request." + location + "." + name;
    }
  }

  record ResponseHeader(String name) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      return exchange.endpointResponse() == null ? null : exchange.endpointResponse().headers().get(name);
    }

    @Override
    public String toString() {
      return "integration.response.header." + name;
    }
  }
}
