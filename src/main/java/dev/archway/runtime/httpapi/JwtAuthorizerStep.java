package dev.archway.runtime.httpapi;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.jwt.JwtRejectedException;
import dev.archway.auth.jwt.JwtValidator;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.Step;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP API route's JWT authorizer: the token from the identity source (by default
 * {@code Authorization}, {@code Bearer} prefix optional) must validate against the issuer's keys,
 * issuer and audiences ({@link JwtValidator}); a failure is 401 with AWS's {@code www-authenticate}
 * challenge naming the reason. When the route lists scopes, the token must carry one of them, else 403.
 */
public final class JwtAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizerStep.class);

  private final String authorizerId;
  private final JwtValidator validator;
  private final MappingValue identity;
  private final List<String> scopes;

  /** @param scopes the route's authorizationScopes; empty means any valid token will do */
  public JwtAuthorizerStep(String authorizerId, JwtValidator validator, MappingValue identity, List<String> scopes) {
    this.authorizerId = authorizerId;
    this.validator = validator;
    this.identity = identity;
    this.scopes = List.copyOf(scopes);
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String token = JwtValidator.bearer(identity.valueFrom(exchange, null));
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new GatewayResponse.Unauthorized().failure());
    }
    long started = System.nanoTime();
    return validator.validate(token).transform(ar -> {
      exchange.requestLog().authorizerLatency(System.nanoTime() - started);
      if (ar.failed()) {
        String reason = ar.cause() instanceof JwtRejectedException ? ar.cause().getMessage() : "unable to fetch the issuer's signing keys";
        if (ar.cause() instanceof JwtRejectedException) {
          LOG.info("request {}: JWT authorizer {} refused the token: {}", exchange.requestId(), authorizerId, ar.cause().getMessage());
        } else { // the issuer's keys cannot be had (unreachable, refused by the egress policy): the API's configuration
          LOG.warn("request {}: JWT authorizer {}: {}", exchange.requestId(), authorizerId, ar.cause().getMessage());
        }
        return Future.failedFuture(new GatewayResponse.InvalidToken(
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + reason + "\"").failure());
      }
      AuthorizerResult result = AuthorizerResult.ofClaims(ar.result().toJSONObject());
      if (!scopes.isEmpty()) {
        List<String> granted = LambdaEventV2.scopes(result);
        if (granted == null || granted.stream().noneMatch(scopes::contains)) {
          String expected = String.join(" ", scopes);
          return Future.failedFuture(new GatewayResponse.InsufficientScope("Bearer scope=\"" + expected
              + "\" error=\"insufficient_scope\" error_description=\"expected scopes: [" + expected + "]\"").failure());
        }
      }
      exchange.authorizer(result);
      return Future.succeededFuture();
    });
  }

  @Override
  public String toString() {
    return "JwtAuthorizer(" + authorizerId + ", " + validator + ", identity=" + identity + (scopes.isEmpty() ? "" : ", scopes=" + scopes) + ")";
  }
}
