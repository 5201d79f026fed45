package dev.archway.runtime;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the answers of a cached method are keyed on, exactly as AWS keys them: the cache namespace
 * (the resource's id unless the integration names one), the request's HTTP method and the values
 * of the integration's {@code cacheKeyParameters} ({@code method.request.querystring.type}...).
 * A request that differs only in anything else gets the same answer. So that nothing outside the
 * key can shape the answer kept for everyone (cache poisoning, AWS-BEHAVIOUR D.9), the integration
 * of a cached request sees it without the query parameters and headers the key leaves out.
 * Immutable; built at deploy time.
 */
public final class CacheKeyParameters {
  /** Describes the body, which is passed on as on AWS. */
  private static final String CONTENT_TYPE = "Content-Type";

  private final String namespace;
  private final List<ParameterSource.RequestParameter> parameters;
  /** Lower case: query parameters are matched ignoring case, as mappings read them. */
  private final Set<String> queryNames = new HashSet<>();
  private final HeaderNames headerNames;

  /**
   * @param namespace the partition of the stage cache the method's answers live in: the cache
   *     namespace, and whether the stage or its canary serves them
   * @param parameters the {@code cacheKeyParameters}, each a {@code method.request.*} parameter
   * @throws IllegalArgumentException naming a parameter that is not one
   */
  public CacheKeyParameters(String namespace, List<String> parameters) {
    this.namespace = namespace;
    this.parameters = parameters.stream().distinct().map(CacheKeyParameters::parse)
        .sorted(Comparator.comparing(ParameterSource.RequestParameter::toString)).toList();
    List<String> headers = new java.util.ArrayList<>(List.of(CONTENT_TYPE));
    for (ParameterSource.RequestParameter parameter : this.parameters) {
      switch (parameter.location()) {
        case "querystring", "multivaluequerystring" -> queryNames.add(parameter.name().toLowerCase(Locale.ROOT));
        case "header", "multivalueheader" -> headers.add(parameter.name());
        default -> { } // path: the path is passed whole
      }
    }
    this.headerNames = HeaderNames.of(headers.toArray(String[]::new));
  }

  private static ParameterSource.RequestParameter parse(String expression) {
    ParameterSource source;
    try {
      source = ParameterSource.parse(expression, ParameterSource.Side.REQUEST);
    } catch (IllegalArgumentException e) {
      source = null;
    }
    if (source instanceof ParameterSource.RequestParameter parameter) {
      return parameter;
    }
    throw new IllegalArgumentException("cacheKeyParameters: " + expression
        + " (expected: method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.<name>)");
  }

  /** The request's key: unambiguous, every value prefixed by its length. */
  public String key(Exchange exchange) {
    StringBuilder key = new StringBuilder(64).append(namespace).append(' ').append(exchange.methodRequest().httpMethod());
    for (ParameterSource.RequestParameter parameter : parameters) {
      List<String> values = parameter.valuesFrom(exchange);
      key.append(' ').append(values.size());
      for (String value : values) {
        key.append(' ').append(value.length()).append(':').append(value);
      }
    }
    return key.toString();
  }

  /** The request as a cached integration sees it: only the query parameters and headers of the key, and the body. */
  public MethodRequest keyedView(MethodRequest request) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    StringBuilder rawQuery = new StringBuilder();
    if (!queryNames.isEmpty() && request.rawQuery() != null) {
      for (String pair : request.rawQuery().split("&")) {
        int equals = pair.indexOf('=');
        String name = QueryStringDecoder.decodeComponent(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        if (queryNames.contains(name.toLowerCase(Locale.ROOT))) {
          rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(pair);
          query.add(name, equals < 0 ? "" : QueryStringDecoder.decodeComponent(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, String> header : request.headers()) {
      if (headerNames.contains(header.getKey())) {
        headers.add(header.getKey(), header.getValue());
      }
    }
    return new MethodRequest(request.httpMethod(), request.path(), request.pathParameters(),
        rawQuery.length() == 0 ? null : rawQuery.toString(), query, headers, request.body(), request.sourceIp());
  }

  @Override
  public String toString() {
    return namespace + " " + parameters;
  }
}
