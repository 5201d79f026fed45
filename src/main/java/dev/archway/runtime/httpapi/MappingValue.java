package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.auth.AuthorizerResult;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.MethodRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value side of an HTTP API parameter mapping, parsed at deploy time: static text mixed with
 * {@code $request.header.x}, {@code $request.querystring.x}, {@code $request.path},
 * {@code $request.path.x}, {@code $request.body.a.b}, {@code $context.x}, {@code $stageVariables.x}
 * and, for response mappings, {@code $response.header.x} and {@code $response.body.a.b}, each also
 * in the {@code ${...}} form. Repeated headers and query values are joined with commas, as AWS does.
 */
public final class MappingValue {
  private static final Pattern VARIABLE = Pattern.compile(
      "\\$\\{((?:request|response|context|stageVariables)[^}]*)}|\\$((?:request|response|context|stageVariables)(?:\\.[A-Za-z0-9_\\-]+)*)");
  /** AWS reads at most the first 100 KB of a body for a JSON path. */
  private static final int BODY_LIMIT = 100 * 1024;

  private sealed interface Part {}

  private record Text(String text) implements Part {}

  private record Variable(String source, String location, String name) implements Part {}

  private final String source;
  private final List<Part> parts;

  private MappingValue(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** @param response whether {@code $response.*} may be used (response mappings) */
  public static MappingValue parse(String value, boolean response) {
    if (value == null) {
      throw new IllegalArgumentException("mapping value: null (expected: text or $request/$context/$stageVariables references)");
    }
    List<Part> parts = new ArrayList<>();
    Matcher m = VARIABLE.matcher(value);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Text(value.substring(at, m.start())));
      }
      parts.add(variable(value, m.group(1) != null ? m.group(1) : m.group(2), response));
      at = m.end();
    }
    if (at < value.length()) {
      parts.add(new Text(value.substring(at)));
    }
    return new MappingValue(value, parts);
  }

  private static Variable variable(String value, String reference, boolean response) {
    String[] split = reference.split("\\.", 3);
    String root = split[0];
    String rest = reference.length() > root.length() ? reference.substring(root.length() + 1) : "";
    switch (root) {
      case "context", "stageVariables" -> {
        if (rest.isEmpty()) {
          throw bad(value, reference);
        }
        return new Variable(root, "", rest);
      }
      case "request", "response" -> {
        if (root.equals("response") && !response) {
          throw new IllegalArgumentException("mapping value: " + value + " ($response is only for response parameters)");
        }
        String location = split.length > 1 ? split[1] : "";
        String name = split.length > 2 ? split[2] : "";
        boolean ok = switch (location) {
          case "header" -> !name.isEmpty();
          case "querystring" -> root.equals("request") && !name.isEmpty();
          case "path" -> root.equals("request");
          case "body" -> true;
          default -> false;
        };
        if (!ok) {
          throw bad(value, reference);
        }
        return new Variable(root, location, name);
      }
      default -> throw bad(value, reference);
    }
  }

  private static IllegalArgumentException bad(String value, String reference) {
    return new IllegalArgumentException("mapping value: " + value + " has the unknown reference $" + reference
        + " (expected: $request.header|querystring|path|body..., $response.header|body..., $context.x or $stageVariables.x)");
  }

  /** The value for this request; absent references expand to nothing. */
  public String valueFrom(Exchange exchange, String routeKey) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(t.text());
      } else if (part instanceof Variable v) {
        String value = resolve(v, exchange, routeKey);
        if (value != null) {
          out.append(value);
        }
      }
    }
    return out.toString();
  }

  private static String resolve(Variable v, Exchange exchange, String routeKey) {
    MethodRequest request = exchange.methodRequest();
    return switch (v.source()) {
      case "stageVariables" -> exchange.stage().variables().get(v.name());
      case "context" -> context(v.name(), exchange, routeKey);
      case "request" -> switch (v.location()) {
        case "header" -> joined(request.headers(), v.name());
        case "querystring" -> joined(request.queryParameters(), v.name());
        case "path" -> v.name().isEmpty() ? (request.path().isEmpty() ? "/" : request.path()) : request.pathParameters().get(v.name());
        default -> body(request.body(), v.name());
      };
      default -> exchange.endpointResponse() == null ? null : switch (v.location()) {
        case "header" -> joined(exchange.endpointResponse().headers(), v.name());
        default -> body(exchange.endpointResponse().body(), v.name());
      };
    };
  }

  private static String context(String name, Exchange exchange, String routeKey) {
    MethodRequest request = exchange.methodRequest();
    AuthorizerResult authorizer = exchange.authorizer();
    if (authorizer != null && name.startsWith("authorizer.claims.")) {
      Object claim = authorizer.claims().get(name.substring("authorizer.claims.".length()));
      return claim == null ? null : LambdaEventV2.claimText(claim);
    }
    if (authorizer != null && name.startsWith("authorizer.") && !name.equals("authorizer.principalId")) {
      Object value = authorizer.context().get(name.substring("authorizer.".length()));
      return value == null ? null : String.valueOf(value);
    }
    return switch (name) {
      case "requestId" -> exchange.requestId();
      case "apiId" -> exchange.stage().apiId();
      case "stage" -> exchange.stage().stageName();
      case "deploymentId" -> exchange.stage().deploymentId();
      case "httpMethod" -> request.httpMethod();
      case "path" -> request.path().isEmpty() ? "/" : request.path();
      case "routeKey" -> routeKey;
      case "domainName" -> request.headers().get("Host");
      case "identity.sourceIp" -> request.sourceIp();
      case "identity.userAgent" -> request.headers().get("User-Agent");
      case "authorizer.principalId" -> authorizer == null ? null : authorizer.principalId();
      default -> null;
    };
  }

  private static String joined(MultiMap values, String name) {
    List<String> all = values.getAll(name);
    return all.isEmpty() ? null : String.join(",", all);
  }

  /** {@code $request.body} is the whole body; {@code $request.body.a.b} a JSON value read from the first 100 KB. */
  private static String body(Buffer body, String path) {
    if (path.isEmpty()) {
      return body.toString(StandardCharsets.UTF_8);
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body.length() > BODY_LIMIT ? body.getBytes(0, BODY_LIMIT) : body.getBytes());
    } catch (java.io.IOException e) {
      return null;
    }
    for (String field : path.split("\\.")) {
      if (node == null) {
        return null;
      }
      node = node.isArray() && field.matches("\\d{1,6}") ? node.get(Integer.parseInt(field)) : node.get(field);
    }
    return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
