package dev.archway.runtime;

import dev.archway.integration.BackendRequest;
import dev.archway.integration.BackendResponse;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HTTP_PROXY: sends the client's request to the integration URI and hands the backend's answer
 * back unchanged, except for the headers AWS never forwards and the ones it renames.
 */
public final class HttpProxyStep implements Step {
  /**
   * Never forwarded to the backend: hop-by-hop headers and the others of AWS-BEHAVIOUR A.7, plus
   * Host, which becomes the backend's.
   */
  private static final HeaderNames DROPPED_REQUEST_HEADERS = HopByHop.plus("content-length", "content-md5",
      "expect", "max-forwards", "proxy-authenticate", "server", "www-authenticate", "host");
  /** Backend headers AWS returns as {@code x-amzn-Remapped-<name>} (AWS-BEHAVIOUR E), as backends usually spell them. */
  private static final List<String> REMAPPED = List.of("Connection", "Content-Length", "Date", "Server", "x-amzn-RequestId");
  private static final HeaderNames REMAPPED_RESPONSE_HEADERS = HeaderNames.of(REMAPPED.toArray(String[]::new));
  /**
   * {@code x-amzn-Remapped-<name>} made once for those spellings and their lower case (AWS keeps the
   * backend's spelling), rather than concatenated for every answer; another spelling is concatenated.
   */
  private static final Map<String, String> REMAPPED_NAMES = REMAPPED.stream()
      .flatMap(name -> Stream.of(name, name.toLowerCase(Locale.ROOT)))
      .collect(Collectors.toUnmodifiableMap(name -> name, name -> "x-amzn-Remapped-" + name));
  /** Framing is ours to decide on the way back. */
  private static final HeaderNames DROPPED_RESPONSE_HEADERS = HeaderNames.of("transfer-encoding", "keep-alive");

  private final HttpProxyIntegration backend;
  private final String integrationMethod;
  private final UriTemplate uri;
  private final Map<String, ParameterSource> pathMappings;
  private final Map<String, ParameterSource> queryMappings;
  private final Map<String, ParameterSource> headerMappings;
  private final long timeoutMillis;

  public HttpProxyStep(HttpProxyIntegration backend, String integrationMethod, UriTemplate uri,
      Map<String, ParameterSource> pathMappings, Map<String, ParameterSource> queryMappings,
      Map<String, ParameterSource> headerMappings, long timeoutMillis) {
    this.backend = backend;
    this.integrationMethod = integrationMethod;
    this.uri = uri;
    this.pathMappings = sorted(pathMappings);
    this.queryMappings = sorted(queryMappings);
    this.headerMappings = sorted(headerMappings);
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String method = integrationMethod.equals("ANY") ? request.httpMethod() : integrationMethod;
    BackendRequest outbound = new BackendRequest(method, target(exchange), headers(exchange), request.body());
    exchange.executionLog().add("Endpoint request URI: ", outbound.absoluteUri(), String::valueOf);
    exchange.executionLog().add("Endpoint request headers: ", outbound.headers(), EndpointLog::headers);
    long started = System.nanoTime();
    return backend.send(outbound, timeoutMillis).transform(ar -> {
      exchange.requestLog().integrationEnded(started);
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, outbound.absoluteUri(), ar.cause()));
      }
      EndpointLog.received(exchange, ar.result(), started);
      exchange.endpointResponse(ar.result());
      exchange.methodResponse(clientResponse(ar.result(), exchange.context()));
      return Future.succeededFuture();
    });
  }

  private String target(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String expanded = uri.expand(name -> {
      ParameterSource mapped = pathMappings.get(name);
      return mapped != null ? mapped.valueFrom(exchange) : request.pathParameters().get(name);
    }, exchange.stage().variables());
    if ((request.rawQuery() == null || request.rawQuery().isEmpty()) && queryMappings.isEmpty()) {
      return expanded;
    }
    StringBuilder target = new StringBuilder(expanded);
    // AWS appends the client's query string to the URI's own query.
    char separator = target.indexOf("?") < 0 ? '?' : '&';
    if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
      target.append(separator).append(request.rawQuery());
      separator = '&';
    }
    for (Map.Entry<String, ParameterSource> mapping : queryMappings.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        target.append(separator).append(encode(mapping.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return target.toString();
  }

  private MultiMap headers(Exchange exchange) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    List<String> nominated = HopByHop.nominated(exchange.methodRequest().headers());
    exchange.methodRequest().headers().forEach((name, value) -> { // no entry objects, unlike a for loop
      if (!DROPPED_REQUEST_HEADERS.contains(name) && !HopByHop.isNominated(nominated, name)) {
        out.add(name, value);
      }
    });
    BackendHeaders.stamp(out, exchange);
    for (Map.Entry<String, ParameterSource> mapping : headerMappings.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        out.set(mapping.getKey(), value);
      }
    }
    return out;
  }

  private static MethodResponse clientResponse(BackendResponse response, RequestContext context) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    response.headers().forEach((name, value) -> {
      if (REMAPPED_RESPONSE_HEADERS.contains(name)) {
        String remapped = REMAPPED_NAMES.get(name);
        out.add(remapped != null ? remapped : "x-amzn-Remapped-" + name, value);
      } else if (!DROPPED_RESPONSE_HEADERS.contains(name)) {
        out.add(name, value);
      }
    });
    out.set("X-Amzn-Trace-Id", context.traceId()); // as in AWS's recorded answers
    return new MethodResponse(response.statusCode(), out, response.body());
  }

  /** Sorted, so the printed pipeline reads the same every time. */
  private static Map<String, ParameterSource> sorted(Map<String, ParameterSource> mappings) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(mappings));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "HttpProxy(" + integrationMethod + " " + uri + ", timeout=" + timeoutMillis + "ms"
        + (pathMappings.isEmpty() ? "" : ", path=" + pathMappings)
        + (queryMappings.isEmpty() ? "" : ", query=" + queryMappings)
        + (headerMappings.isEmpty() ? "" : ", header=" + headerMappings) + ")";
  }
}
