package dev.archway.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * An authorizer's {@code identitySource}, parsed at deploy time: the request values that identify
 * the caller ({@code method.request.header.Auth}, {@code method.request.querystring.token},
 * {@code method.request.multivalueheader.x}, {@code stageVariables.x}, {@code context.x}). They are
 * what a request must carry (a missing or empty one is a 401 without calling the authorizer) and
 * the key of the authorizer cache.
 */
public final class IdentitySources {
  private final List<Source> sources;
  private final String text;

  private record Source(String kind, String name) {}

  private IdentitySources(List<Source> sources, String text) {
    this.sources = List.copyOf(sources);
    this.text = text;
  }

  /** @throws IllegalArgumentException naming the source that is not understood */
  public static IdentitySources parse(String identitySource) {
    List<Source> sources = new ArrayList<>();
    if (identitySource != null && !identitySource.isBlank()) {
      for (String part : identitySource.split(",")) {
        sources.add(source(part.trim()));
      }
    }
    return new IdentitySources(sources, identitySource == null ? "" : identitySource.trim());
  }

  private static Source source(String expression) {
    for (String kind : List.of("header", "querystring", "multivalueheader", "multivaluequerystring")) {
      String prefix = "method.request." + kind + ".";
      if (expression.startsWith(prefix) && expression.length() > prefix.length()) {
        return new Source(kind, expression.substring(prefix.length()));
      }
    }
    if (expression.startsWith("stageVariables.") && expression.length() > "stageVariables.".length()) {
      return new Source("stageVariables", expression.substring("stageVariables.".length()));
    }
    if (expression.startsWith("context.") && expression.length() > "context.".length()) {
      return new Source("context", expression.substring("context.".length()));
    }
    throw new IllegalArgumentException("identity source: " + expression + " (expected: method.request.header|querystring"
        + "|multivalueheader|multivaluequerystring.<name>, stageVariables.<name> or context.<name>)");
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The values in order, or null when one is missing or empty (the caller is then unauthorized). */
  public List<String> values(Exchange exchange) {
    List<String> values = new ArrayList<>(sources.size());
    for (Source source : sources) {
      String value = value(source, exchange);
      if (value == null || value.isEmpty()) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  private static String value(Source source, Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    return switch (source.kind()) {
      case "header" -> request.headers().get(source.name());
      case "querystring" -> request.queryParameters().get(source.name());
      case "multivalueheader" -> joined(request.headers().getAll(source.name()));
      case "multivaluequerystring" -> joined(request.queryParameters().getAll(source.name()));
      case "stageVariables" -> exchange.stage().variables().get(source.name());
      default -> context(source.name(), exchange);
    };
  }

  /** The {@code $context} variables a request knows before its integration runs. */
  private static String context(String name, Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    return switch (name) {
      case "identity.sourceIp" -> request.sourceIp();
      case "identity.userAgent" -> request.headers().get("User-Agent");
      case "httpMethod" -> request.httpMethod();
      case "stage" -> exchange.stage().stageName();
      case "apiId" -> exchange.stage().apiId();
      case "requestId" -> exchange.requestId();
      case "path" -> "/" + exchange.stage().stageName() + (request.path().isEmpty() ? "/" : request.path());
      default -> null;
    };
  }

  private static String joined(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }

  @Override
  public String toString() {
    return text;
  }
}
