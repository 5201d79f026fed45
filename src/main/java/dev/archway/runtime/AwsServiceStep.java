package dev.archway.runtime;

import dev.archway.integration.AwsServiceUri;
import dev.archway.integration.AwsSigner;
import dev.archway.integration.BackendRequest;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS service integration (type AWS, not Lambda): calls the configured endpoint of the service
 * with the integration's method, mapped parameters and the request body (template or passthrough),
 * SigV4-signed for that service and region. The answer goes through the integration responses.
 */
public final class AwsServiceStep implements Step {
  private final HttpProxyIntegration http;
  private final AwsSigner signer;
  private final AwsServiceUri service;
  private final String httpMethod;
  private final UriTemplate target;
  private final Map<String, ParameterSource> pathMappings;
  private final Map<String, ParameterSource> queryMappings;
  private final Map<String, ParameterSource> headerMappings;
  private final IntegrationRequestBody requestBody;
  private final long timeoutMillis;

  /** @param target the endpoint plus the URI's path, or {@code /?Action=...} for the action form */
  public AwsServiceStep(HttpProxyIntegration http, AwsSigner signer, AwsServiceUri service, String httpMethod,
      UriTemplate target, Map<String, ParameterSource> pathMappings, Map<String, ParameterSource> queryMappings,
      Map<String, ParameterSource> headerMappings, IntegrationRequestBody requestBody, long timeoutMillis) {
    this.http = http;
    this.signer = signer;
    this.service = service;
    this.httpMethod = httpMethod;
    this.target = target;
    this.pathMappings = sorted(pathMappings);
    this.queryMappings = sorted(queryMappings);
    this.headerMappings = sorted(headerMappings);
    this.requestBody = requestBody;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    return requestBody.render(exchange).compose(body -> call(exchange, body));
  }

  private Future<Void> call(Exchange exchange, IntegrationRequestBody.Rendered body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", body.contentType());
    String amzTarget = AwsJsonTargets.of(service);
    if (amzTarget != null) {
      headers.set("X-Amz-Target", amzTarget);
    }
    for (Map.Entry<String, ParameterSource> mapping : headerMappings.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        headers.set(mapping.getKey(), value);
      }
    }
    // Request template overrides ($context.requestOverride.header.*) win over mappings, as on AWS.
    exchange.overrides().requestHeaders().forEach((name, values) -> {
      headers.remove(name);
      values.forEach(value -> headers.add(name, value));
    });
    String method = httpMethod.equals("ANY") ? exchange.methodRequest().httpMethod() : httpMethod;
    URI uri;
    try {
      uri = URI.create(url(exchange));
      signer.sign(method, uri, headers, body.body(), service.service(), service.region());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(AwsCallFailures.of(exchange, service, e));
    }
    exchange.executionLog().add("Endpoint request URI: ", uri, String::valueOf);
    exchange.executionLog().add("Endpoint request body after transformations: ", body.body(), EndpointLog::body);
    long started = System.nanoTime();
    return http.send(new BackendRequest(method, uri.toString(), headers, body.body()), timeoutMillis).transform(ar -> {
      exchange.requestLog().integrationEnded(started);
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, service, ar.cause()));
      }
      EndpointLog.received(exchange, ar.result(), started);
      exchange.endpointResponse(ar.result());
      return Future.succeededFuture();
    });
  }

  private String url(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    StringBuilder url = new StringBuilder(target.expand(name -> {
      ParameterSource mapped = pathMappings.get(name);
      return mapped != null ? mapped.valueFrom(exchange) : request.pathParameters().get(name);
    }, exchange.stage().variables()));
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    for (Map.Entry<String, ParameterSource> mapping : queryMappings.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        url.append(separator).append(encode(mapping.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    for (Map.Entry<String, java.util.List<String>> override : exchange.overrides().requestQueryString().entrySet()) {
      for (String value : override.getValue()) {
        url.append(separator).append(encode(override.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Map<String, ParameterSource> sorted(Map<String, ParameterSource> mappings) {
    return Collections.unmodifiableMap(new TreeMap<>(mappings));
  }

  @Override
  public String toString() {
    return "AwsService(" + httpMethod + " " + service.service() + " " + service.region() + " " + target
        + ", " + requestBody + ", timeout=" + timeoutMillis + "ms"
        + (queryMappings.isEmpty() ? "" : ", query=" + queryMappings)
        + (headerMappings.isEmpty() ? "" : ", header=" + headerMappings) + ")";
  }
}
