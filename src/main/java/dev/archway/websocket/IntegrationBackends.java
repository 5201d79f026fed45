package dev.archway.websocket;

import dev.archway.integration.BackendRequest;
import dev.archway.integration.BackendResponse;
import dev.archway.integration.LambdaFunction;
import dev.archway.mapping.Overrides;
import dev.archway.runtime.AwsJsonTargets;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;

/**
 * The calls WebSocket integrations make, each through the shared backend client (which applies the
 * egress policy) or the Lambda Invoke API client on it: an HTTP endpoint (HTTP, HTTP_PROXY), a
 * Lambda function (AWS), an AWS service (AWS). Each answers with the endpoint response the
 * integration responses select on. Only mapped headers are sent (nothing of the client's passes
 * unmapped), plus {@code User-Agent: AmazonAPIGateway_<apiId>} and a JSON content type for a body.
 */
final class IntegrationBackends {
  private static final String JSON = "application/json";

  private IntegrationBackends() {}

  /** An HTTP endpoint: {@code httpMethod} to the integration's URI with the mapped parameters. */
  static Future<BackendResponse> http(WebSocketIntegration integration, RouteEvent event, Buffer body, Overrides overrides) {
    MultiMap headers = integration.parameters().headers(event, overrides);
    String url;
    try {
      url = integration.parameters().url(integration.uri(), event, overrides);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (!headers.contains("User-Agent")) {
      headers.set("User-Agent", "AmazonAPIGateway_" + event.stage().apiId());
    }
    if (body.length() > 0 && !headers.contains("Content-Type")) {
      headers.set("Content-Type", JSON);
    }
    String method = integration.httpMethod() == null || integration.httpMethod().equals("ANY") ? "POST" : integration.httpMethod();
    return integration.http().send(new BackendRequest(method, url, headers, body), integration.timeoutMillis());
  }

  /**
   * A Lambda function, not as a proxy: the payload is the request template's output (an empty one
   * reads as {@code {}}). A function error answers 500 with the function's error document
   * ({@code errorMessage}, {@code errorType}) for the integration responses to select on.
   */
  static Future<BackendResponse> lambda(WebSocketIntegration integration, RouteEvent event, Buffer body) {
    LambdaFunction function;
    try {
      function = integration.function().function(event.stage().variables());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Buffer payload = body.length() == 0 ? Buffer.buffer("{}") : body;
    return integration.lambda().invoke(function, payload, integration.timeoutMillis()).map(result -> {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", JSON);
      if (result.failed()) {
        headers.add("X-Amz-Function-Error", result.functionError());
      }
      return new BackendResponse(result.failed() ? 500 : 200, headers, result.payload());
    });
  }

  /**
   * An AWS service: the configured endpoint of the service with the integration's method, mapped
   * parameters and the body, SigV4-signed for that service and region; {@code X-Amz-Target} for
   * the action form of JSON-protocol services, as for REST APIs.
   */
  static Future<BackendResponse> service(WebSocketIntegration integration, RouteEvent event, Buffer body,
      Overrides overrides) {
    WebSocketIntegration.AwsService service = integration.service();
    if (service.target() == null) {
      return Future.failedFuture(new IllegalStateException(service.unavailable()));
    }
    MultiMap headers = integration.parameters().headers(event, overrides);
    if (!headers.contains("Content-Type")) {
      headers.set("Content-Type", JSON);
    }
    String amzTarget = AwsJsonTargets.of(service.uri());
    if (amzTarget != null && !headers.contains("X-Amz-Target")) {
      headers.set("X-Amz-Target", amzTarget);
    }
    String method = integration.httpMethod() == null ? "POST" : integration.httpMethod();
    String url;
    try {
      url = integration.parameters().url(service.target(), event, overrides);
      service.signer().sign(method, URI.create(url), headers, body, service.uri().service(), service.uri().region());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return integration.http().send(new BackendRequest(method, url, headers, body), integration.timeoutMillis());
  }
}
