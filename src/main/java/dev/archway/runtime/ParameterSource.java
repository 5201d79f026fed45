package dev.archway.runtime;

import dev.archway.mapping.BodyPath;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The right-hand side of a parameter mapping, parsed at deploy time: a {@code 'static'} literal,
 * a stage variable, a {@code $context} variable, a method request parameter or body (request
 * mappings), or an integration response header or body (response mappings). Body JSONPaths are
 * compiled here, so a bad one fails the Put or the deployment, never a request.
 */
public sealed interface ParameterSource {

  /** The value for this request, or null when the source is absent; several values are comma-joined. */
  String valueFrom(Exchange exchange);

  /** Every value for this request (multi-value sources give several), empty when absent. */
  default List<String> valuesFrom(Exchange exchange) {
    String value = valueFrom(exchange);
    return value == null ? List.of() : List.of(value);
  }

  /** Request mappings read the method request; response mappings read the endpoint response. */
  enum Side { REQUEST, RESPONSE }

  /** @throws IllegalArgumentException naming the expression and the forms allowed on {@code side} */
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
    if ((rest = after(expression, "context.")) != null) {
      return new ContextVariable(rest);
    }
    String prefix = side == Side.REQUEST ? "method.request." : "integration.response.";
    if (expression.equals(prefix + "body")) {
      return new Body(side, null);
    }
    if ((rest = after(expression, prefix + "body.")) != null) {
      return new Body(side, BodyPath.compile(rest));
    }
    List<String> locations = side == Side.REQUEST
        ? List.of("path", "querystring", "header", "multivaluequerystring", "multivalueheader")
        : List.of("header", "multivalueheader");
    for (String location : locations) {
      if ((rest = after(expression, prefix + location + ".")) != null) {
        return side == Side.REQUEST ? new RequestParameter(location, rest) : new ResponseHeader(rest, location.startsWith("multi"));
      }
    }
    throw new IllegalArgumentException("Invalid mapping expression specified: " + expression + " (expected: 'literal', "
        + "stageVariables.x, context.x, " + prefix + "{" + String.join("|", locations) + "}.x, " + prefix + "body or "
        + prefix + "body.JSONPath)");
  }

  private static String after(String expression, String prefix) {
    return expression.startsWith(prefix) && expression.length() > prefix.length() ? expression.substring(prefix.length()) : null;
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

  /** {@code context.requestId}, {@code context.identity.sourceIp}, {@code context.authorizer.x}... */
  record ContextVariable(String name) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      Object value = Templates.context(exchange, null).get(name);
      return value == null || value instanceof java.util.Map<?, ?> ? null : String.valueOf(value);
    }

    @Override
    public String toString() {
      return "context." + name;
    }
  }

  /** {@code location} is path, querystring, header, multivaluequerystring or multivalueheader. */
  record RequestParameter(String location, String name) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      List<String> values = valuesFrom(exchange);
      return values.isEmpty() ? null : location.startsWith("multi") ? String.join(",", values) : values.get(values.size() - 1);
    }

    @Override
    public List<String> valuesFrom(Exchange exchange) {
      MethodRequest request = exchange.methodRequest();
      List<String> all = switch (location) {
        case "path" -> {
          String value = request.pathParameters().get(name);
          yield value == null ? List.of() : List.of(value);
        }
        case "querystring", "multivaluequerystring" -> request.queryParameters().getAll(name);
        default -> request.headers().getAll(name);
      };
      // Single-value sources see the last of repeated values, as the Lambda proxy event does.
      return location.startsWith("multi") || all.size() <= 1 ? all : List.of(all.get(all.size() - 1));
    }

    @Override
    public String toString() {
      return "method.request." + location + "." + name;
    }
  }

  /** An endpoint response header; {@code multi} reads every value of it. */
  record ResponseHeader(String name, boolean multi) implements ParameterSource {
    public ResponseHeader(String name) {
      this(name, false);
    }

    public String valueFrom(Exchange exchange) {
      List<String> values = valuesFrom(exchange);
      return values.isEmpty() ? null : multi ? String.join(",", values) : values.get(0);
    }

    @Override
    public List<String> valuesFrom(Exchange exchange) {
      if (exchange.endpointResponse() == null) {
        return List.of();
      }
      List<String> all = exchange.endpointResponse().headers().getAll(name);
      return multi || all.size() <= 1 ? all : List.of(all.get(0));
    }

    @Override
    public String toString() {
      return "integration.response." + (multi ? "multivalueheader." : "header.") + name;
    }
  }

  /** The method request body or the endpoint response body, whole or one JSONPath of it. */
  record Body(Side side, BodyPath path) implements ParameterSource {
    public String valueFrom(Exchange exchange) {
      io.vertx.core.buffer.Buffer body = side == Side.REQUEST ? exchange.methodRequest().body()
          : exchange.endpointResponse() == null ? null : exchange.endpointResponse().body();
      if (body == null) {
        return null;
      }
      String text = body.toString(StandardCharsets.UTF_8);
      return path == null ? text : path.read(text);
    }

    @Override
    public String toString() {
      return (side == Side.REQUEST ? "method.request.body" : "integration.response.body") + (path == null ? "" : "." + path);
    }
  }
}
