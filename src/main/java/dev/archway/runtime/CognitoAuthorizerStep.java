package dev.archway.runtime;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.jwt.JwtRejectedException;
import dev.archway.auth.jwt.JwtValidator;
import dev.archway.auth.jwt.KeysUnavailableException;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A COGNITO_USER_POOLS method: the token from the identity source must be a valid JWT of one of
 * the authorizer's user pools. Without {@code authorizationScopes} on the method an ID token is
 * required ({@code token_use: id}); with them an access token ({@code token_use: access}) whose
 * {@code scope} holds at least one of them. Anything else is 401; why goes to the log only
 * (AWS-BEHAVIOUR D.3: no reasons to the client). The claims become {@code $context.authorizer.claims}.
 */
public final class CognitoAuthorizerStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(CognitoAuthorizerStep.class);
  /** How AWS prints date claims (exp, iat, auth_time) in $context.authorizer.claims. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final String authorizerId;
  private final String header;
  private final Predicate<String> validation;
  private final Map<String, JwtValidator> byIssuer;
  private final List<String> scopes;

  /** @param byIssuer one validator per user pool, by its issuer URL */
  public CognitoAuthorizerStep(String authorizerId, String header, Predicate<String> validation, Map<String, JwtValidator> byIssuer,
      List<String> scopes) {
    this.authorizerId = authorizerId;
    this.header = header;
    this.validation = validation;
    this.byIssuer = Map.copyOf(byIssuer);
    this.scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String token = JwtValidator.bearer(exchange.methodRequest().headers().get(header));
    if (token == null || token.isEmpty() || validation != null && !validation.test(token)) {
      return unauthorized(exchange, "no token in " + header);
    }
    JwtValidator validator = validatorFor(token);
    if (validator == null) {
      return unauthorized(exchange, "the token is not from a user pool of this authorizer");
    }
    long started = System.nanoTime();
    return validator.validate(token).transform(ar -> {
      exchange.requestLog().authorizerLatency(System.nanoTime() - started);
      if (ar.failed()) {
        if (ar.cause() instanceof KeysUnavailableException e) {
          LOG.warn("request {}: authorizer {}: signing keys unavailable: {}", exchange.requestId(), authorizerId, e.getMessage());
          return Future.failedFuture(new GatewayResponse.AuthorizerFailure().failure());
        }
        return unauthorized(exchange, ar.cause() instanceof JwtRejectedException ? ar.cause().getMessage() : "invalid token");
      }
      JWTClaimsSet claims = ar.result();
      String problem = tokenUseProblem(claims);
      if (problem != null) {
        return unauthorized(exchange, problem);
      }
      exchange.authorizer(AuthorizerResult.ofClaims(printable(claims)));
      return Future.succeededFuture();
    });
  }

  private String tokenUseProblem(JWTClaimsSet claims) {
    Object use = claims.getClaim("token_use");
    if (scopes.isEmpty()) {
      return "id".equals(use) ? null : "the method needs an ID token, not token_use " + use;
    }
    if (!"access".equals(use)) {
      return "the method has authorization scopes and needs an access token, not token_use " + use;
    }
    Object scope = claims.getClaim("scope");
    List<String> granted = scope instanceof String s ? Arrays.asList(s.trim().split("\\s+")) : List.of();
    return granted.stream().anyMatch(scopes::contains) ? null : "the token has none of the scopes " + scopes;
  }

  private Future<Void> unauthorized(Exchange exchange, String why) {
    LOG.info("request {}: authorizer {}: Unauthorized: {}", exchange.requestId(), authorizerId, why);
    return Future.failedFuture(new GatewayResponse.Unauthorized().failure());
  }

  /**
   * The validator of the token's user pool: the one that verified it before, else the one its
   * unverified issuer names. Parsing the token only to read its issuer cost a fifth of the CPU of a
   * request that carried a token seen before.
   */
  private JwtValidator validatorFor(String token) {
    for (JwtValidator validator : byIssuer.values()) {
      if (validator.verifiedBefore(token)) {
        return validator;
      }
    }
    String issuer = unverifiedIssuer(token);
    return issuer == null ? null : byIssuer.get(issuer);
  }

  /** Only to pick the pool whose keys then verify the token; never trusted on its own. */
  private static String unverifiedIssuer(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
    } catch (java.text.ParseException | RuntimeException e) {
      return null;
    }
  }

  /** Claims as AWS hands them to templates and proxy events: strings, dates in Java's Date format. */
  private static Map<String, Object> printable(JWTClaimsSet claims) {
    Map<String, Object> out = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> out.put(name, value instanceof Date d ? DATE.format(d.toInstant())
        : value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
        : value == null ? null : String.valueOf(value)));
    return out;
  }

  @Override
  public String toString() {
    return "CognitoAuthorizer(" + authorizerId + ", " + header + ", pools " + byIssuer.keySet()
        + (scopes.isEmpty() ? "" : ", scopes " + scopes) + ")";
  }
}
