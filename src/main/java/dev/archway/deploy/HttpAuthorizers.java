package dev.archway.deploy;

import dev.archway.auth.jwt.JwtConfiguration;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Route;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.Step;
import dev.archway.runtime.httpapi.JwtAuthorizerStep;
import dev.archway.runtime.httpapi.LambdaAuthorizerStep;
import dev.archway.runtime.httpapi.MappingValue;
import java.time.Duration;
import java.util.List;

/**
 * Compiles the authorizer step of an HTTP API route: JWT (the shared validators of
 * {@link AuthControl}, one key cache per issuer) or a Lambda REQUEST authorizer (the shared
 * invoker, and {@link AuthControl#decisions()}: one decision cache for every HTTP API, this node's or,
 * with {@code --redis}, every node's). One per server.
 */
public final class HttpAuthorizers {
  private static final String DEFAULT_JWT_SOURCE = "$request.header.Authorization";

  private final AuthControl access;

  public HttpAuthorizers(AuthControl access) {
    this.access = access;
  }

  /**
   * @param apiArn {@code arn:aws:execute-api:<region>:<account>:<apiId>}, what route ARNs start with
   * @return the route's authorizer step, or null when the route needs none
   */
  Step compile(Route route, DeployedHttpApi deployment, String apiArn, String accountId) {
    String type = route.authorizationType();
    if (type == null || type.equals("NONE")) {
      return null;
    }
    if (!type.equals("JWT") && !type.equals("CUSTOM")) {
      return new ConfigurationErrorStep("authorizationType " + type + " is not served for HTTP APIs yet");
    }
    Authorizer authorizer = deployment.authorizers() == null ? null : deployment.authorizers().stream()
        .filter(a -> a.authorizerId().equals(route.authorizerId())).findFirst().orElse(null);
    if (authorizer == null) {
      throw new IllegalArgumentException("authorizerId: " + route.authorizerId() + " (expected: an authorizer of the API)");
    }
    return type.equals("JWT") ? jwt(route, authorizer) : lambda(route, authorizer, apiArn, accountId);
  }

  private Step jwt(Route route, Authorizer authorizer) {
    if (access.jwt() == null) {
      return new ConfigurationErrorStep("JWT authorizer " + authorizer.authorizerId() + ": no JWT validation configured");
    }
    Authorizer.JwtConfiguration jwt = authorizer.jwtConfiguration();
    if (jwt == null || jwt.issuer() == null) {
      throw new IllegalArgumentException("JWT authorizer " + authorizer.authorizerId() + " (expected: jwtConfiguration.issuer)");
    }
    List<String> sources = authorizer.identitySource() == null || authorizer.identitySource().isEmpty()
        ? List.of(DEFAULT_JWT_SOURCE) : authorizer.identitySource();
    return new JwtAuthorizerStep(authorizer.authorizerId(),
        access.jwt().validator(new JwtConfiguration(jwt.issuer(), null, jwt.audience(), null)),
        MappingValue.parse(sources.get(0), false),
        route.authorizationScopes() == null ? List.of() : route.authorizationScopes());
  }

  private Step lambda(Route route, Authorizer authorizer, String apiArn, String accountId) {
    if (access.lambda() == null) {
      return new ConfigurationErrorStep("Lambda authorizer " + authorizer.authorizerId() + ": no Lambda endpoint configured");
    }
    List<MappingValue> identity = (authorizer.identitySource() == null ? List.<String>of() : authorizer.identitySource())
        .stream().map(source -> MappingValue.parse(source, false)).toList();
    String key = route.routeKey();
    String path = key.equals("$default") ? "$default" : key.substring(key.indexOf(' ') + 1);
    int ttl = authorizer.authorizerResultTtlInSeconds() == null ? 0 : authorizer.authorizerResultTtlInSeconds();
    String version = authorizer.authorizerPayloadFormatVersion() == null ? "2.0" : authorizer.authorizerPayloadFormatVersion();
    return new LambdaAuthorizerStep(new LambdaAuthorizerStep.Settings(authorizer.authorizerId(),
        HttpApiCompiler.lambdaUri(authorizer.authorizerUri()), version, Boolean.TRUE.equals(authorizer.enableSimpleResponses()),
        identity, Duration.ofSeconds(ttl), key, path, apiArn, accountId), access.lambda(), access.decisions());
  }

  @Override
  public String toString() {
    return "HttpAuthorizers(" + access + ")";
  }
}
