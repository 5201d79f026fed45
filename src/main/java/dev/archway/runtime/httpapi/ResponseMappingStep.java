package dev.archway.runtime.httpapi;

import dev.archway.integration.BackendResponse;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.MethodResponse;
import dev.archway.runtime.Step;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/** The last step of an HTTP API route: the integration's response, with its response parameter mappings applied, for the client. */
public final class ResponseMappingStep implements Step {
  private final ResponseParameters parameters;
  private final String routeKey;

  public ResponseMappingStep(ResponseParameters parameters, String routeKey) {
    this.parameters = parameters;
    this.routeKey = routeKey;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    BackendResponse endpoint = exchange.endpointResponse();
    if (endpoint == null) {
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    if (parameters == ResponseParameters.NONE) { // the integration's own fresh headers, as they are
      exchange.methodResponse(new MethodResponse(endpoint.statusCode(), endpoint.headers(), endpoint.body()));
      return Future.succeededFuture();
    }
    MethodResponse response = new MethodResponse(endpoint.statusCode(),
        MultiMap.caseInsensitiveMultiMap().addAll(endpoint.headers()), endpoint.body());
    exchange.methodResponse(parameters.apply(exchange, routeKey, response));
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return parameters == ResponseParameters.NONE ? "Response" : "ResponseMapping(" + parameters + ")";
  }
}
