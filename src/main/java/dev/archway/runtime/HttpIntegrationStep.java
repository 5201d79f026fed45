package dev.archway.runtime;

import dev.archway.integration.BackendRequest;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/**
 * HTTP (non-proxy): the backend receives only what the integration maps — URI path variables,
 * query string and headers from {@code requestParameters} and the request template's overrides, the
 * body from the request template (or passed through) — plus {@code User-Agent:
 * AmazonAPIGateway_<api-id>} and {@code Accept: application/json} unless mapped, and
 * {@code X-Forwarded-*}; no client header passes unmapped (AWS-BEHAVIOUR E). The backend's
 * answer becomes the endpoint response for the integration responses to select on by status.
 */
public final class HttpIntegrationStep implements Step {
  private final HttpProxyIntegration backend;
  private final String integrationMethod;
  private final UriTemplate uri;
  private final IntegrationRequestMappings mappings;
  private final IntegrationRequestBody requestBody;
  private final long timeoutMillis;

  public HttpIntegrationStep(HttpProxyIntegration backend, String integrationMethod, UriTemplate uri,
      IntegrationRequestMappings mappings, IntegrationRequestBody requestBody, long timeoutMillis) {
    this.backend = backend;
    this.integrationMethod = integrationMethod;
    this.uri = uri;
    this.mappings = mappings;
    this.requestBody = requestBody;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    return requestBody.render(exchange).compose(body -> {
      String method = integrationMethod.equals("ANY") ? exchange.methodRequest().httpMethod() : integrationMethod;
      MultiMap headers = mappings.headers(exchange);
      if (!headers.contains("User-Agent")) {
        headers.set("User-Agent", "AmazonAPIGateway_" + exchange.stage().apiId());
      }
      if (!headers.contains("Accept")) {
        headers.set("Accept", "application/json"); // recorded against AWS, whatever the client accepts
      }
      BackendHeaders.stamp(headers, exchange);
      if (body.body().length() > 0 && !headers.contains("Content-Type")) {
        headers.set("Content-Type", body.contentType());
      }
      String url;
      try {
        url = mappings.url(uri, exchange);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(AwsCallFailures.configurationError(exchange, e));
      }
      ExecutionLog log = exchange.executionLog();
      log.add("Endpoint request URI: ", url, String::valueOf);
      log.add("Endpoint request headers: ", headers, EndpointLog::headers);
      log.add("Endpoint request body after transformations: ", body.body(), EndpointLog::body);
      log.add("Sending request to " + url);
      long started = System.nanoTime();
      return backend.send(new BackendRequest(method, url, headers, body.body()), timeoutMillis).transform(ar -> {
        exchange.requestLog().integrationEnded(started);
        if (ar.failed()) {
          return Future.failedFuture(AwsCallFailures.of(exchange, url, ar.cause()));
        }
        EndpointLog.received(exchange, ar.result(), started);
        exchange.endpointResponse(ar.result());
        return Future.succeededFuture();
      });
    });
  }

  @Override
  public String toString() {
    return "Http(" + integrationMethod + " " + uri + ", " + requestBody + ", timeout=" + timeoutMillis + "ms"
        + (mappings.toString().isEmpty() ? "" : ", " + mappings.toString().trim()) + ")";
  }
}
