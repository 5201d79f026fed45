package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS (non-proxy) integration with Lambda: the request template (or the body passed through) is
 * the payload; the function's answer, error or not, becomes the endpoint response with Lambda's
 * {@code X-Amz-Function-Error} header, for the integration responses to select on. The Invoke API's
 * own request headers come from the integration's header mappings and the template's overrides, as
 * on AWS: {@code integration.request.header.X-Amz-Invocation-Type = 'Event'} invokes asynchronously
 * (the function's answer is then empty).
 */
public final class LambdaStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaStep.class);
  /** The Invoke API's request headers; other mapped headers mean nothing to Lambda, which ignores them. */
  private static final HeaderNames INVOKE_HEADERS = HeaderNames.of("X-Amz-Invocation-Type", "X-Amz-Log-Type",
      "X-Amz-Client-Context");

  private final LambdaInvoker lambda;
  private final LambdaFunctionUri uri;
  private final IntegrationRequestBody requestBody;
  private final long timeoutMillis;
  private final Map<String, ParameterSource> invokeHeaders;

  /** @param headerMappings the integration's header mappings; those naming an Invoke API header are sent */
  public LambdaStep(LambdaInvoker lambda, LambdaFunctionUri uri, IntegrationRequestBody requestBody, long timeoutMillis,
      Map<String, ParameterSource> headerMappings) {
    this.lambda = lambda;
    this.uri = uri;
    this.requestBody = requestBody;
    this.timeoutMillis = timeoutMillis;
    Map<String, ParameterSource> invoke = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headerMappings.forEach((name, source) -> {
      if (INVOKE_HEADERS.contains(name)) {
        invoke.put(name, source);
      }
    });
    this.invokeHeaders = Collections.unmodifiableMap(invoke);
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
      return lambda.invoke(function, event, timeoutMillis, BackendHeaders.lambdaInvoke(exchange, invokeHeaders(exchange))).transform(ar -> {
        exchange.requestLog().integrationEnded(started);
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

  /** The mapped Invoke API headers, then the request template's overrides of them; null when there are none. */
  private MultiMap invokeHeaders(Exchange exchange) {
    MultiMap out = null;
    for (Map.Entry<String, ParameterSource> mapping : invokeHeaders.entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        out = out == null ? MultiMap.caseInsensitiveMultiMap() : out;
        out.set(mapping.getKey(), value);
      }
    }
    for (Map.Entry<String, List<String>> override : exchange.overrides().requestHeaders().entrySet()) {
      if (INVOKE_HEADERS.contains(override.getKey()) && !override.getValue().isEmpty()) {
        out = out == null ? MultiMap.caseInsensitiveMultiMap() : out;
        out.set(override.getKey(), override.getValue().get(override.getValue().size() - 1));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Lambda(" + uri + ", " + requestBody + ", timeout=" + timeoutMillis + "ms"
        + (invokeHeaders.isEmpty() ? "" : ", header=" + invokeHeaders) + ")";
  }
}
