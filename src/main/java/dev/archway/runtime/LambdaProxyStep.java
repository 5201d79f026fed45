package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.model.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS_PROXY to Lambda (REST, payload 1.0): the whole request becomes the documented event, the
 * function's answer becomes the client's response after strict validation (a malformed answer or
 * a function error is a 502).
 */
public final class LambdaProxyStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyStep.class);

  private final LambdaInvoker lambda;
  private final LambdaFunctionUri uri;
  private final LambdaProxyEvent.Route route;
  private final long timeoutMillis;

  public LambdaProxyStep(LambdaInvoker lambda, LambdaFunctionUri uri, String accountId, String resourceId,
      String resourcePath, BinaryMediaTypes binaryMediaTypes, long timeoutMillis) {
    this.lambda = lambda;
    this.uri = uri;
    this.route = new LambdaProxyEvent.Route(accountId, resourceId, resourcePath, binaryMediaTypes);
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    LambdaFunction function;
    Buffer event;
    try {
      function = uri.function(exchange.stage().variables());
      event = Buffer.buffer(Json.MAPPER.writeValueAsBytes(LambdaProxyEvent.of(exchange, route)));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    long started = System.nanoTime();
    return lambda.invoke(function, event, timeoutMillis, BackendHeaders.lambdaInvoke(exchange, null)).transform(ar -> {
      exchange.requestLog().integrationEnded(started);
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, function, ar.cause()));
      }
      if (ar.result().failed()) {
        LOG.info("request {}: Lambda execution failed with status 200 due to customer function error ({}): {}",
            exchange.requestId(), function, ar.result().payload());
        return Future.failedFuture(new GatewayResponse.MalformedLambdaResponse().failure());
      }
      try {
        MethodResponse response = LambdaProxyResponse.parse(ar.result().payload(),
            exchange.methodRequest().headers().get("Accept"), route.binaryMediaTypes());
        // Lambda answers carry the trace id on AWS (MOCK ones do not: AWS-BEHAVIOUR E).
        response.headers().set("X-Amzn-Trace-Id", exchange.context().traceId());
        exchange.methodResponse(response);
      } catch (GatewayResponse.Failure refused) {
        String reason = refused.response() instanceof GatewayResponse.MalformedLambdaResponse
            ? "Malformed Lambda proxy response" : "Unable to base64-decode the Lambda proxy response body";
        LOG.info("request {}: Execution failed due to configuration error: {} from {}", exchange.requestId(), reason, function);
        exchange.executionLog().add("Execution failed due to configuration error: " + reason);
        return Future.failedFuture(refused);
      }
      return Future.succeededFuture();
    });
  }

  @Override
  public String toString() {
    return "LambdaProxy(" + uri + ", timeout=" + timeoutMillis + "ms"
        + (route.binaryMediaTypes().isEmpty() ? "" : ", binary=" + route.binaryMediaTypes()) + ")";
  }
}
