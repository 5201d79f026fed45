package dev.archway.runtime;

import dev.archway.integration.UriTemplate;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An integration's {@code requestParameters} for non-proxy integrations, applied to one request:
 * the URI's path variables, the query string and the headers come only from mappings (nothing of
 * the client's request passes unmapped), then {@code $context.requestOverride.*} from the request
 * template wins, as on AWS.
 */
public final class IntegrationRequestMappings {
  private final Map<String, ParameterSource> path;
  private final Map<String, ParameterSource> query;
  private final Map<String, ParameterSource> header;

  public IntegrationRequestMappings(Map<String, ParameterSource> path, Map<String, ParameterSource> query,
      Map<String, ParameterSource> header) {
    this.path = sorted(path);
    this.query = sorted(query);
    this.header = sorted(header);
  }

  /** The URI with path variables and stage variables filled, and the mapped query string appended. */
  public String url(UriTemplate uri, Exchange exchange) {
    Map<String, String> pathOverrides = exchange.overrides().requestPath();
    StringBuilder url = new StringBuilder(uri.expand(name -> {
      String override = pathOverrides.get(name);
      if (override != null) {
        return override;
      }
      ParameterSource mapped = path.get(name);
      return mapped != null ? mapped.valueFrom(exchange) : exchange.methodRequest().pathParameters().get(name);
    }, exchange.stage().variables()));
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    Map<String, List<String>> overrides = exchange.overrides().requestQueryString();
    for (Map.Entry<String, ParameterSource> mapping : query.entrySet()) {
      if (overrides.containsKey(mapping.getKey())) {
        continue;
      }
      for (String value : mapping.getValue().valuesFrom(exchange)) {
        url.append(separator).append(encode(mapping.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    for (Map.Entry<String, List<String>> override : overrides.entrySet()) {
      for (String value : override.getValue()) {
        url.append(separator).append(encode(override.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return url.toString();
  }

  /** The mapped headers (a multi-value source as one comma-joined header), then the request template's header overrides. */
  public MultiMap headers(Exchange exchange) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, ParameterSource> mapping : header.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        out.set(mapping.getKey(), value);
      }
    }
    exchange.overrides().requestHeaders().forEach((name, values) -> out.set(name, values));
    return out;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Map<String, ParameterSource> sorted(Map<String, ParameterSource> mappings) {
    return Collections.unmodifiableMap(new TreeMap<>(mappings));
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "" : "path=" + path + " ") + (query.isEmpty() ? "" : "query=" + query + " ")
        + (header.isEmpty() ? "" : "header=" + header);
  }
}
