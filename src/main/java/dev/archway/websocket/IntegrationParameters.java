package dev.archway.websocket;

import dev.archway.integration.UriTemplate;
import dev.archway.mapping.BodyPath;
import dev.archway.mapping.Overrides;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An integration's {@code requestParameters} for a WebSocket route, parsed at deploy time: the
 * backend's path variables, query string and headers come from these mappings only (nothing of the
 * client's handshake passes unmapped, as on AWS), then the request template's
 * {@code $context.requestOverride.*} wins. Sources: {@code 'literal'}, {@code route.request.header.x}
 * and {@code route.request.querystring.x} (the handshake's, on {@code $connect}),
 * {@code route.request.body} or {@code route.request.body.<JSONPath>} (the message),
 * {@code context.x} and {@code stageVariables.x}.
 */
public final class IntegrationParameters {
  public static final IntegrationParameters NONE = new IntegrationParameters(Map.of(), Map.of(), Map.of());

  /** Where a mapped value comes from; null when it is absent for this event. */
  sealed interface Source {
    String valueFrom(RouteEvent event);
  }

  record Literal(String value) implements Source {
    public String valueFrom(RouteEvent event) {
      return value;
    }
  }

  record Header(String name) implements Source {
    public String valueFrom(RouteEvent event) {
      return event.header(name);
    }
  }

  record QueryParameter(String name) implements Source {
    public String valueFrom(RouteEvent event) {
      return event.queryParameter(name);
    }
  }

  record Body(BodyPath path) implements Source {
    public String valueFrom(RouteEvent event) {
      return path == null ? event.body() : path.read(event.body());
    }
  }

  record Context(String name) implements Source {
    public String valueFrom(RouteEvent event) {
      Object value = event.context().get(name);
      return value == null || value instanceof Map<?, ?> ? null : String.valueOf(value);
    }
  }

  record StageVariable(String name) implements Source {
    public String valueFrom(RouteEvent event) {
      return event.stage().variables().get(name);
    }
  }

  private final Map<String, Source> path;
  private final Map<String, Source> query;
  private final Map<String, Source> header;

  private IntegrationParameters(Map<String, Source> path, Map<String, Source> query, Map<String, Source> header) {
    this.path = path;
    this.query = query;
    this.header = header;
  }

  /** @throws IllegalArgumentException naming a target or source of a form AWS does not allow */
  public static IntegrationParameters parse(Map<String, String> mappings) {
    Map<String, Source> path = new TreeMap<>();
    Map<String, Source> query = new TreeMap<>();
    Map<String, Source> header = new TreeMap<>();
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      String target = mapping.getKey();
      Source source = source(mapping.getValue());
      if (target.startsWith("integration.request.path.")) {
        path.put(target.substring("integration.request.path.".length()), source);
      } else if (target.startsWith("integration.request.querystring.")) {
        query.put(target.substring("integration.request.querystring.".length()), source);
      } else if (target.startsWith("integration.request.header.")) {
        header.put(target.substring("integration.request.header.".length()), source);
      } else {
        throw new IllegalArgumentException("request parameter: " + target
            + " (expected: integration.request.path|querystring|header.<name>)");
      }
    }
    // Sorted, so the backend sees the query string and headers in one order, whatever the map's.
    return new IntegrationParameters(Collections.unmodifiableMap(path), Collections.unmodifiableMap(query),
        Collections.unmodifiableMap(header));
  }

  private static Source source(String expression) {
    if (expression != null && expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
      return new Literal(expression.substring(1, expression.length() - 1));
    }
    String e = expression == null ? "" : expression;
    if (e.startsWith("route.request.header.") && e.length() > "route.request.header.".length()) {
      return new Header(e.substring("route.request.header.".length()));
    }
    if (e.startsWith("route.request.querystring.") && e.length() > "route.request.querystring.".length()) {
      return new QueryParameter(e.substring("route.request.querystring.".length()));
    }
    if (e.equals("route.request.body")) {
      return new Body(null);
    }
    if (e.startsWith("route.request.body.")) {
      return new Body(BodyPath.compile(e.substring("route.request.body.".length())));
    }
    if (e.startsWith("context.") && e.length() > "context.".length()) {
      return new Context(e.substring("context.".length()));
    }
    if (e.startsWith("stageVariables.") && e.length() > "stageVariables.".length()) {
      return new StageVariable(e.substring("stageVariables.".length()));
    }
    throw new IllegalArgumentException("request parameter source: " + expression + " (expected: 'literal', "
        + "route.request.header.x, route.request.querystring.x, route.request.body[.path], context.x or stageVariables.x)");
  }

  /** The backend URL: path variables and stage variables filled, the mapped and overridden query string appended. */
  String url(UriTemplate uri, RouteEvent event, Overrides overrides) {
    Map<String, String> pathOverrides = overrides.requestPath();
    StringBuilder url = new StringBuilder(uri.expand(name -> {
      String override = pathOverrides.get(name);
      if (override != null) {
        return override;
      }
      Source mapped = path.get(name);
      return mapped == null ? null : mapped.valueFrom(event);
    }, event.stage().variables()));
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    Map<String, List<String>> queryOverrides = overrides.requestQueryString();
    for (Map.Entry<String, Source> mapping : query.entrySet()) {
      String value = queryOverrides.containsKey(mapping.getKey()) ? null : mapping.getValue().valueFrom(event);
      if (value != null) {
        url.append(separator).append(encode(mapping.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    for (Map.Entry<String, List<String>> override : queryOverrides.entrySet()) {
      for (String value : override.getValue()) {
        url.append(separator).append(encode(override.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return url.toString();
  }

  /** The mapped headers, then the request template's header overrides. */
  MultiMap headers(RouteEvent event, Overrides overrides) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, Source> mapping : header.entrySet()) {
      String value = mapping.getValue().valueFrom(event);
      if (value != null) {
        out.set(mapping.getKey(), value);
      }
    }
    overrides.requestHeaders().forEach(out::set);
    return out;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "" : "path=" + path.keySet() + " ") + (query.isEmpty() ? "" : "query=" + query.keySet() + " ")
        + (header.isEmpty() ? "" : "header=" + header.keySet());
  }
}
