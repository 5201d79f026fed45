package dev.archway.runtime.httpapi;

import dev.archway.integration.BackendRequest;
import dev.archway.integration.BackendResponse;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import dev.archway.runtime.AwsCallFailures;
import dev.archway.runtime.BackendHeaders;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.HeaderNames;
import dev.archway.runtime.HopByHop;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.Step;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP_PROXY for HTTP APIs: the client's request goes to the integration URI ({@code {name}}
 * path variables and {@code ${stageVariables.x}} filled in; the {@code $default} route appends the
 * whole request path), with the client's query string, its headers minus hop-by-hop ones plus
 * {@code X-Forwarded-*}, then the integration's request parameter mappings. The backend's answer
 * becomes the endpoint response; {@link ResponseMappingStep} turns it into the client's.
 */
public final class HttpApiProxyStep implements Step {
  private static final HeaderNames DROPPED_REQUEST_HEADERS = HopByHop.plus("content-length", "expect",
      "proxy-authenticate", "host");
  private static final HeaderNames DROPPED_RESPONSE_HEADERS = HeaderNames.of("connection", "keep-alive", "transfer-encoding",
      "content-length", "proxy-connection", "upgrade");

  private final HttpProxyIntegration backend;
  private final String integrationMethod;
  private final UriTemplate uri;
  private final boolean appendRequestPath;
  private final RequestParameters parameters;
  private final String routeKey;
  private final long timeoutMillis;

  /** @param appendRequestPath true for the {@code $default} route, which sends the full request path */
  public HttpApiProxyStep(HttpProxyIntegration backend, String integrationMethod, UriTemplate uri, boolean appendRequestPath,
      RequestParameters parameters, String routeKey, long timeoutMillis) {
    this.backend = backend;
    this.integrationMethod = integrationMethod;
    this.uri = uri;
    this.appendRequestPath = appendRequestPath;
    this.parameters = parameters;
    this.routeKey = routeKey;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String method = integrationMethod.equals("ANY") ? request.httpMethod() : integrationMethod;
    BackendRequest outbound;
    try {
      outbound = new BackendRequest(method, target(exchange), headers(exchange), request.body());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    long started = System.nanoTime();
    return backend.send(outbound, timeoutMillis).transform(ar -> {
      exchange.requestLog().integrationEnded(started);
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, outbound.absoluteUri(), ar.cause()));
      }
      BackendResponse response = ar.result();
      MultiMap headers = MultiMap.caseInsensitiveMultiMap();
      response.headers().forEach((name, value) -> { // no entry objects, unlike a for loop
        if (!DROPPED_RESPONSE_HEADERS.contains(name)) {
          headers.add(name, value);
        }
      });
      exchange.endpointResponse(new BackendResponse(response.statusCode(), headers, response.body()));
      return Future.succeededFuture();
    });
  }

  private String target(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    Split split = split(uri.expand(name -> request.pathParameters().get(name), exchange.stage().variables()));
    String origin = split.origin();
    String path = split.path();
    String ownQuery = split.ownQuery();
    if (appendRequestPath) {
      path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + request.path();
    }
    String overwritten = parameters.path(exchange, routeKey);
    if (overwritten != null) {
      path = overwritten;
    }
    String query;
    if (parameters.touchesQuery()) {
      List<Map.Entry<String, String>> pairs = new ArrayList<>();
      for (Map.Entry<String, String> parameter : request.queryParameters()) {
        pairs.add(Map.entry(parameter.getKey(), parameter.getValue()));
      }
      parameters.apply(exchange, routeKey, MultiMap.caseInsensitiveMultiMap(), pairs);
      query = join(ownQuery, RequestParameters.encode(pairs));
    } else {
      query = join(ownQuery, request.rawQuery() == null ? "" : request.rawQuery());
    }
    return origin + (path.isEmpty() ? "/" : path) + (query.isEmpty() ? "" : "?" + query);
  }

  private MultiMap headers(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    List<String> nominated = HopByHop.nominated(request.headers());
    request.headers().forEach((name, value) -> {
      if (!DROPPED_REQUEST_HEADERS.contains(name) && !HopByHop.isNominated(nominated, name)) {
        out.add(name, value);
      }
    });
    BackendHeaders.forwarded(out, exchange.context());
    out.set("X-Amzn-Trace-Id", exchange.context().traceId());
    parameters.apply(exchange, routeKey, out, new ArrayList<>());
    return out;
  }

  /** The integration URI as expanded for a request, cut into its origin, path and own query (no fragment). */
  private record Split(String expanded, String origin, String path, String ownQuery) {}

  /**
   * The last URI cut: a URI without variables expands to the very same text every time (the
   * identity check is meant), so its cut is made once, not per request.
   */
  private volatile Split lastSplit;

  private Split split(String expanded) {
    Split last = lastSplit;
    if (last != null && last.expanded() == expanded) {
      return last;
    }
    int authority = expanded.indexOf("://");
    int pathStart = authority < 0 ? -1 : indexOfAny(expanded, "/?#", authority + 3);
    String origin = pathStart < 0 ? expanded : expanded.substring(0, pathStart);
    String rest = pathStart < 0 ? "" : expanded.substring(pathStart);
    int hash = rest.indexOf('#');
    rest = hash < 0 ? rest : rest.substring(0, hash);
    int question = rest.indexOf('?');
    Split split = new Split(expanded, origin, question < 0 ? rest : rest.substring(0, question),
        question < 0 ? "" : rest.substring(question + 1));
    lastSplit = split;
    return split;
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b;
  }

  @Override
  public String toString() {
    return "HttpApiProxy(" + integrationMethod + " " + uri + (appendRequestPath ? " + request path" : "")
        + ", timeout=" + timeoutMillis + "ms" + (parameters.isEmpty() ? "" : ", parameters=" + parameters) + ")";
  }
}
