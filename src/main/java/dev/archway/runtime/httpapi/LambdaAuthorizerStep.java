package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.AuthorizerException;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.policy.Decision;
import dev.archway.auth.policy.MethodArn;
import dev.archway.auth.policy.PolicyRequest;
import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.model.Json;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.LambdaProxyEvent;
import dev.archway.runtime.Step;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP API route's Lambda REQUEST authorizer ("Working with AWS Lambda authorizers for HTTP
 * APIs"): every identity source must be present, else 401 without calling the function; the event
 * is payload 1.0 (the REST REQUEST event with {@code methodArn}) or 2.0 ({@code routeArn},
 * {@code identitySource}); the answer is a simple response ({@code isAuthorized}, {@code context},
 * 2.0 with simple responses enabled) or an IAM policy evaluated against the route's ARN. A decision
 * is cached per identity for the TTL (no identity sources: never cached). Denied is 403; a failing
 * function 500 (fail closed), or 401 when it fails with "Unauthorized".
 */
public final class LambdaAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaAuthorizerStep.class);

  /** What the compiler fixed: the authorizer, the route it guards and where it runs. */
  public record Settings(String authorizerId, LambdaFunctionUri function, String payloadFormatVersion,
      boolean simpleResponses, List<MappingValue> identity, Duration ttl, String routeKey, String resourcePath,
      String apiArn, String accountId) {}

  /** A decision as cached: allowed or not, and what the integration sees of the caller. */
  public record Decided(boolean allowed, AuthorizerResult result) {
    /** How a decision travels when the cache is shared through Redis ({@link DecidedJson}). */
    public static final AuthorizerCache.Codec<Decided> CODEC = new AuthorizerCache.Codec<>(DecidedJson::write, DecidedJson::read);
  }

  private final Settings settings;
  private final LambdaAuthorizerInvoker invoker;
  private final AuthorizerCache<Decided> cache;

  public LambdaAuthorizerStep(Settings settings, LambdaAuthorizerInvoker invoker, AuthorizerCache<Decided> cache) {
    this.settings = settings;
    this.invoker = invoker;
    this.cache = cache;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    List<String> identity = new ArrayList<>();
    for (MappingValue source : settings.identity()) {
      String value = source.valueFrom(exchange, settings.routeKey());
      if (value == null || value.isEmpty()) {
        return Future.failedFuture(new GatewayResponse.Unauthorized().failure());
      }
      identity.add(value);
    }
    CompiledStage stage = exchange.stage();
    AuthorizerCache.Key key = new AuthorizerCache.Key(stage.apiId(), stage.stageName(), stage.deploymentId(),
        settings.authorizerId(), identity);
    if (identity.isEmpty() || settings.ttl().isZero()) {
      return call(exchange, identity).compose(decided -> decide(exchange, decided));
    }
    return cache.get(key).compose(cached -> cached != null ? decide(exchange, cached)
        : call(exchange, identity).compose(decided -> {
          cache.put(key, decided, settings.ttl());
          return decide(exchange, decided);
        }));
  }

  private Future<Void> decide(Exchange exchange, Decided decided) {
    if (!decided.allowed()) {
      return Future.failedFuture(new GatewayResponse.AccessDenied("Forbidden").failure());
    }
    exchange.authorizer(decided.result());
    return Future.succeededFuture();
  }

  private Future<Decided> call(Exchange exchange, List<String> identity) {
    LambdaFunction function;
    Buffer event;
    String arn = MethodArn.of(settings.apiArn(), exchange.stage().stageName(), exchange.methodRequest().httpMethod(),
        exchange.methodRequest().path());
    try {
      function = settings.function().function(exchange.stage().variables());
      event = Buffer.buffer(Json.MAPPER.writeValueAsBytes(isV2() ? eventV2(exchange, identity, arn) : eventV1(exchange, identity, arn)));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      LOG.warn("request {}: authorizer {}: {}", exchange.requestId(), settings.authorizerId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.AuthorizerConfigurationError().failure());
    }
    String sourceIp = exchange.methodRequest().sourceIp();
    boolean simple = isV2() && settings.simpleResponses();
    long started = System.nanoTime();
    return invoker.invoke(function, event, payload -> simple ? simple(payload) : policy(payload, arn, sourceIp))
        .transform(ar -> {
          exchange.requestLog().authorizerLatency(System.nanoTime() - started);
          return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(failure(exchange, ar.cause()));
        });
  }

  private boolean isV2() {
    return "2.0".equals(settings.payloadFormatVersion());
  }

  private ObjectNode eventV2(Exchange exchange, List<String> identity, String routeArn) {
    ObjectNode base = LambdaEventV2.of(exchange, settings.routeKey(), settings.accountId());
    base.remove("body");
    base.remove("isBase64Encoded");
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", routeArn);
    identity.forEach(event.putArray("identitySource")::add);
    event.setAll(base);
    return event;
  }

  private ObjectNode eventV1(Exchange exchange, List<String> identity, String methodArn) {
    ObjectNode base = LambdaProxyEvent.of(exchange, new LambdaProxyEvent.Route(settings.accountId(), null,
        settings.resourcePath(), BinaryMediaTypes.NONE));
    base.remove("body");
    base.remove("isBase64Encoded");
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("version", "1.0");
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    event.put("identitySource", String.join(",", identity));
    event.put("authorizationToken", identity.isEmpty() ? null : identity.get(0));
    event.setAll(base);
    return event;
  }

  /** {@code {"isAuthorized": bool, "context": {...}}}; anything else is the authorizer's configuration error. */
  private static Decided simple(Buffer payload) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(payload.getBytes());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("authorizer output is not JSON");
    }
    if (root == null || !root.isObject() || !root.path("isAuthorized").isBoolean()) {
      throw new IllegalArgumentException("authorizer output has no boolean isAuthorized");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    JsonNode node = root.get("context");
    if (node != null && !node.isNull()) {
      if (!node.isObject()) {
        throw new IllegalArgumentException("authorizer context is not an object");
      }
      node.properties().forEach(e -> context.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    return new Decided(root.get("isAuthorized").booleanValue(), new AuthorizerResult(null, context, Map.of(), null));
  }

  /** An IAM policy answer, evaluated against the route's ARN: only an Allow without a Deny lets the request in. */
  private static Decided policy(Buffer payload, String arn, String sourceIp) {
    LambdaAuthorizerResponse response = LambdaAuthorizerResponse.parse(payload);
    Decision decision = response.policy().evaluate(PolicyRequest.invoke(arn, sourceIp, null));
    return new Decided(decision == Decision.ALLOW, response.result());
  }

  private static GatewayResponse.Failure failure(Exchange exchange, Throwable cause) {
    if (cause instanceof AuthorizerException e && e.kind() == AuthorizerException.Kind.UNAUTHORIZED) {
      return new GatewayResponse.Unauthorized().failure();
    }
    LOG.warn("request {}: authorizer failed: {}", exchange.requestId(), cause.getMessage());
    return cause instanceof AuthorizerException e && e.kind() == AuthorizerException.Kind.FAILURE
        ? new GatewayResponse.AuthorizerFailure().failure()
        : new GatewayResponse.AuthorizerConfigurationError().failure();
  }

  @Override
  public String toString() {
    return "LambdaAuthorizer(" + settings.authorizerId() + ", " + settings.function() + ", payload "
        + settings.payloadFormatVersion() + (settings.simpleResponses() ? ", simple" : "") + ", identity="
        + settings.identity() + ", ttl=" + settings.ttl().toSeconds() + "s)";
  }
}
