package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS (non-proxy) integration with Lambda: the request template (or the body passed through) is
 * the payload; the function's answer, error or not, becomes the endpoint response with Lambda's
 * {@code X-Amz-Function-Error} header, for the integration responses to select on.
 */
public final class LambdaStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaStep.class);

  private final LambdaInvoker lambda;
  private final LambdaFunctionUri uri;
  private final IntegrationRequestBody requestBody;
  private final long timeoutMillis;

  public LambdaStep(LambdaInvoker lambda, LambdaFunctionUri uri, IntegrationRequestBody requestBody, long timeoutMillis) {
    this.lambda = lambda;
    this.uri = uri;
    this.requestBody = requestBody;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    LambdaFunction function;
    try {
      function = uri.function(exchange.stage().variables());
    } catch (IllegalArgumentException e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    return requestBody.render(exchange).compose(rendered -> {
      // Lambda needs a JSON document; an empty body reads as {} as in $input.body.
      Buffer event = rendered.body().length() == 0 ? Buffer.buffer("{}") : rendered.body();
      exchange.executionLog().add("Endpoint request URI: ", function, String::valueOf);
      exchange.executionLog().add("Endpoint request body after transformations: ", event, EndpointLog::body);
      long started = System.nanoTime();
      return lambda.invoke(function, event, timeoutMillis).transform(ar -> {
        exchange.requestLog().integrationLatency(System.nanoTime() - started);
        if (ar.failed()) {
          return Future.failedFuture(AwsCallFailures.of(exchange, function, ar.cause()));
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        if (ar.result().failed()) {
          headers.add(IntegrationResponseStep.FUNCTION_ERROR, ar.result().functionError());
        }
        exchange.endpointResponse(new BackendResponse(200, headers, ar.result().payload()));
        EndpointLog.received(exchange, exchange.endpointResponse(), started);
        return Future.succeededFuture();
      });
    });
  }

  @Override
  public String toString() {
    return "Lambda(" + uri + ", " + requestBody + ", timeout=" + timeoutMillis + "ms)";
  }
}
