package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.integration.BackendResponse;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.model.Json;
import dev.archway.auth.AuthorizerResult;
import dev.archway.runtime.AwsCallFailures;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.LambdaProxyEvent;
import dev.archway.runtime.LambdaProxyResponse;
import dev.archway.runtime.MethodResponse;
import dev.archway.runtime.Step;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS_PROXY to Lambda for HTTP APIs, payload format 1.0 (the REST event and response rules, with
 * the HTTP API's path, resource and authorizer) or 2.0 ({@link LambdaEventV2}, {@link LambdaResponseV2}).
 * A function error or a malformed answer is a 500 on HTTP APIs.
 */
public final class HttpApiLambdaStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiLambdaStep.class);
  /** HTTP APIs have no binaryMediaTypes: a base64 answer is always decoded. */
  private static final BinaryMediaTypes ALL = BinaryMediaTypes.of(List.of("*/*"));

  private final LambdaInvoker lambda;
  private final LambdaFunctionUri uri;
  private final boolean v2;
  private final String routeKey;
  private final String resourcePath;
  private final String accountId;
  private final long timeoutMillis;

  /**
   * @param payloadFormatVersion "1.0" or "2.0"
   * @param resourcePath the route's path ({@code /pets/{id}}), or {@code $default}
   */
  public HttpApiLambdaStep(LambdaInvoker lambda, LambdaFunctionUri uri, String payloadFormatVersion, String routeKey,
      String resourcePath, String accountId, long timeoutMillis) {
    this.lambda = lambda;
    this.uri = uri;
    this.v2 = "2.0".equals(payloadFormatVersion);
    this.routeKey = routeKey;
    this.resourcePath = resourcePath;
    this.accountId = accountId;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    LambdaFunction function;
    Buffer event;
    try {
      function = uri.function(exchange.stage().variables());
      event = Buffer.buffer(Json.MAPPER.writeValueAsBytes(v2
          ? LambdaEventV2.of(exchange, routeKey, accountId)
          : eventV1(exchange)));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    long started = System.nanoTime();
    return lambda.invoke(function, event, timeoutMillis).transform(ar -> {
      exchange.requestLog().integrationEnded(started);
      if (ar.failed()) {
        return Future.failedFuture(AwsCallFailures.of(exchange, function, ar.cause()));
      }
      if (ar.result().failed()) {
        LOG.info("request {}: Lambda function {} failed: {}", exchange.requestId(), function, ar.result().payload());
        return Future.failedFuture(new GatewayResponse.MalformedLambdaResponse().failure());
      }
      try {
        exchange.endpointResponse(v2 ? LambdaResponseV2.parse(ar.result().payload()) : responseV1(ar.result().payload()));
      } catch (GatewayResponse.Failure malformed) {
        LOG.info("request {}: {} from {}", exchange.requestId(), malformed.response() instanceof GatewayResponse.MalformedLambdaResponse
            ? "Malformed Lambda proxy response" : "Unable to base64-decode the Lambda proxy response body", function);
        return Future.failedFuture(malformed);
      }
      return Future.succeededFuture();
    });
  }

  private ObjectNode eventV1(Exchange exchange) {
    ObjectNode rest = LambdaProxyEvent.of(exchange, new LambdaProxyEvent.Route(accountId, null, resourcePath, ALL));
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("version", "1.0");
    event.setAll(rest);
    String rawPath = LambdaEventV2.rawPath(exchange);
    event.put("path", rawPath);
    ObjectNode context = (ObjectNode) event.get("requestContext");
    context.put("path", rawPath);
    context.putNull("resourceId");
    context.set("authorizer", authorizerV1(exchange.authorizer()));
    Buffer body = exchange.methodRequest().body();
    if (body.length() > 0) {
      boolean text = LambdaEventV2.isText(exchange.methodRequest().headers().get("Content-Type"));
      event.put("body", text ? body.toString(StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body.getBytes()));
      event.put("isBase64Encoded", !text);
    }
    return event;
  }

  private static ObjectNode authorizerV1(AuthorizerResult result) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (result == null) {
      node.putNull("claims");
      node.putNull("scopes");
    } else if (!result.claims().isEmpty()) {
      ObjectNode claims = node.putObject("claims");
      new TreeMap<>(result.claims()).forEach((name, value) -> claims.put(name, LambdaEventV2.claimText(value)));
      List<String> scopes = LambdaEventV2.scopes(result);
      if (scopes == null) {
        node.putNull("scopes");
      } else {
        scopes.forEach(node.putArray("scopes")::add);
      }
    } else {
      node.set("lambda", Json.MAPPER.valueToTree(new TreeMap<>(result.context())));
    }
    return node;
  }

  private static BackendResponse responseV1(Buffer payload) {
    MethodResponse parsed = LambdaProxyResponse.parse(payload, "*/*", ALL);
    return new BackendResponse(parsed.statusCode(), parsed.headers(), parsed.body());
  }

  @Override
  public String toString() {
    return "HttpApiLambda(" + uri + ", payload " + (v2 ? "2.0" : "1.0") + ", timeout=" + timeoutMillis + "ms)";
  }
}
