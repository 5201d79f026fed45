package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CUSTOM method's Lambda authorizer (TOKEN or REQUEST): the identity must be present (and match
 * {@code identityValidationExpression} for TOKEN) or the caller gets 401 and the function is not
 * called; a cached result for the same identity is reused for {@code ttl}; the returned policy is
 * evaluated against this request's method ARN every time (explicit Deny wins, no match denies);
 * any failure of the function is a 500 (fail closed).
 */
public final class LambdaAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaAuthorizerStep.class);

  /** What the compiler fixed about the authorizer and the method it guards. */
  public record Settings(
      String authorizerId, String type, LambdaFunctionUri function, IdentitySources identity, Predicate<String> validation,
      Duration ttl, GuardedMethod method) {}

  private final Settings settings;
  private final LambdaAuthorizerInvoker invoker;
  private final AuthorizerCache<LambdaAuthorizerResponse> cache;

  public LambdaAuthorizerStep(Settings settings, LambdaAuthorizerInvoker invoker,
      AuthorizerCache<LambdaAuthorizerResponse> cache) {
    this.settings = settings;
    this.invoker = invoker;
    this.cache = cache;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    List<String> identity = identity(exchange);
    if (identity == null) {
      return Future.failedFuture(new GatewayResponse.Unauthorized().failure());
    }
    String methodArn = methodArn(exchange);
    CompiledStage stage = exchange.stage();
    AuthorizerCache.Key key = new AuthorizerCache.Key(stage.apiId(), stage.stageName(), stage.deploymentId(),
        settings.authorizerId(), identity);
    if (settings.ttl().isZero()) {
      return call(exchange, identity).compose(response -> decide(exchange, response, methodArn));
    }
    return cache.get(key).compose(cached -> cached != null ? decide(exchange, cached, methodArn)
        : call(exchange, identity).compose(response -> {
          cache.put(key, response, settings.ttl());
          return decide(exchange, response, methodArn);
        }));
  }

  /** The identity-source values, or null when one is missing or the token fails identityValidationExpression. */
  public List<String> identity(Exchange exchange) {
    List<String> identity = settings.identity().values(exchange);
    if (identity == null || settings.validation() != null && !settings.validation().test(identity.get(0))) {
      return null;
    }
    return identity;
  }

  /** Calls the function for this request, bypassing the cache (also TestInvokeAuthorizer); fails with a gateway response. */
  public Future<LambdaAuthorizerResponse> call(Exchange exchange, List<String> identity) {
    LambdaFunction function;
    Buffer event;
    try {
      function = settings.function().function(exchange.stage().variables());
      event = Buffer.buffer(Json.MAPPER.writeValueAsBytes(event(exchange, identity, methodArn(exchange))));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      LOG.warn("request {}: Execution failed due to configuration error: authorizer {}: {}",
          exchange.requestId(), settings.authorizerId(), e.getMessage());
      return Future.failedFuture(new GatewayResponse.AuthorizerConfigurationError().failure());
    }
    long started = System.nanoTime();
    return invoker.invoke(function, event).transform(ar -> {
      exchange.requestLog().authorizerLatency(System.nanoTime() - started);
      return ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(failure(exchange, ar.cause()));
    });
  }

  /** The cached or fresh policy against this request's method; a resource policy's Allow covers "no match" (AWS table A). */
  private Future<Void> decide(Exchange exchange, LambdaAuthorizerResponse response, String methodArn) {
    Decision decision = response.policy().evaluate(PolicyRequest.invoke(methodArn, exchange.methodRequest().sourceIp(), null));
    if (decision == Decision.IMPLICIT_DENY && exchange.resourcePolicy() == Decision.ALLOW) {
      decision = Decision.ALLOW;
    }
    if (decision == Decision.EXPLICIT_DENY) {
      return Future.failedFuture(new GatewayResponse.AccessDenied(
          "User is not authorized to access this resource with an explicit deny").failure());
    }
    if (decision == Decision.IMPLICIT_DENY) {
      return Future.failedFuture(new GatewayResponse.AccessDenied("User is not authorized to access this resource").failure());
    }
    exchange.authorizer(response.result());
    return Future.succeededFuture();
  }

  private String methodArn(Exchange exchange) {
    return MethodArn.of(settings.method().apiArn(), exchange.stage().stageName(), exchange.methodRequest().httpMethod(),
        exchange.methodRequest().path());
  }

  private ObjectNode event(Exchange exchange, List<String> identity, String methodArn) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    if (settings.type().equals("TOKEN")) {
      event.put("type", "TOKEN");
      event.put("authorizationToken", identity.get(0));
      event.put("methodArn", methodArn);
      return event;
    }
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    ObjectNode proxy = LambdaProxyEvent.of(exchange, settings.method().route());
    proxy.remove("body");
    proxy.remove("isBase64Encoded");
    event.setAll(proxy);
    return event;
  }

  private static GatewayResponse.Failure failure(Exchange exchange, Throwable cause) {
    if (cause instanceof AuthorizerException e && e.kind() == AuthorizerException.Kind.UNAUTHORIZED) {
      return new GatewayResponse.Unauthorized().failure();
    }
    LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), cause.getMessage());
    return cause instanceof AuthorizerException e && e.kind() == AuthorizerException.Kind.FAILURE
        ? new GatewayResponse.AuthorizerFailure().failure()
        : new GatewayResponse.AuthorizerConfigurationError().failure();
  }

  @Override
  public String toString() {
    return "LambdaAuthorizer(" + settings.authorizerId() + " " + settings.type() + ", " + settings.function()
        + ", identity=" + settings.identity() + ", ttl=" + settings.ttl().toSeconds() + "s)";
  }
}
