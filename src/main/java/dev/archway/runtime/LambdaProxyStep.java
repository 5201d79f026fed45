package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.model.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS_PROXY to Lambda (REST, payload 1.0): the whole request becomes the documented event, the
 * function's answer becomes the client's response after strict validation (a malformed answer or
 * a function error is a 502).
 */
public final class LambdaProxyStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyStep.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LambdaInvoker lambda;
  private final LambdaFunctionUri uri;
  private final LambdaProxyEvent.Route route;
  private final long timeoutMillis;
  private final Clock clock;

  public LambdaProxyStep(LambdaInvoker lambda, LambdaFunctionUri uri, String accountId, String resourceId,
      String resourcePath, BinaryMediaTypes binaryMediaTypes, long timeoutMillis, Clock clock) {
    this.lambda = lambda;
    this.uri = uri;
    this.route = new LambdaProxyEvent.Route(accountId, resourceId, resourcePath, binaryMediaTypes);
    this.timeoutMillis = timeoutMillis;
    this.clock = clock;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    LambdaFunction function;
    Buffer event;
    try {
      function = uri.function(exchange.stage().variables());
      event = Buffer.buffer(Json.MAPPER.writeValueAsBytes(
          LambdaProxyEvent.of(exchange, route, clock.instant(), extendedRequestId())));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    return lambda.invoke(function, event, timeoutMillis).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, function, ar.cause()));
      }
      if (ar.result().failed()) {
        LOG.info("request {}: Lambda execution failed with status 200 due to customer function error ({}): {}",
            exchange.requestId(), function, ar.result().payload());
        return Future.failedFuture(new GatewayResponse.MalformedLambdaResponse().failure());
      }
      try {
        exchange.methodResponse(LambdaProxyResponse.parse(ar.result().payload(),
            exchange.methodRequest().headers().get("Accept"), route.binaryMediaTypes()));
      } catch (GatewayResponse.Failure malformed) {
        LOG.info("request {}: Execution failed due to configuration error: Malformed Lambda proxy response from {}",
            exchange.requestId(), function);
        return Future.failedFuture(malformed);
      }
      return Future.succeededFuture();
    });
  }

  /** AWS's look: 12 base64 characters, unique per request. */
  private static String extendedRequestId() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "LambdaProxy(" + uri + ", timeout=" + timeoutMillis + "ms"
        + (route.binaryMediaTypes().isEmpty() ? "" : ", binary=" + route.binaryMediaTypes()) + ")";
  }
}
