package dev.archway.deploy;

import dev.archway.auth.SigV4Verifier;
import dev.archway.auth.jwt.JwtValidators;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.lambda.LocalAuthorizerCache;
import dev.archway.model.DeployedApi;
import dev.archway.runtime.httpapi.LambdaAuthorizerStep.Decided;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The parts REST access control is compiled from, shared by every stage of a server: the Lambda
 * authorizer client and its result cache, the JWT validators (Cognito user pools), the SigV4
 * verifier for AWS_IAM methods, where each user pool's issuer is, and the account and region of
 * APIs whose scope is unknown. {@link #of} prepares one deployment; see {@link DeploymentAuth}.
 */
public final class AuthControl {
  private final LambdaAuthorizerInvoker lambda;
  private final AuthorizerCache<LambdaAuthorizerResponse> cache;
  private final AuthorizerCache<Decided> decisions;
  private final JwtValidators jwt;
  private final SigV4Verifier iam;
  private final BiFunction<String, String, String> cognitoIssuer;
  private final String defaultAccountId;
  private final String defaultRegion;

  /**
   * @param lambda        calls Lambda authorizers, or null when no Lambda endpoint is known (they then fail closed)
   * @param cache         the results of REST and WebSocket Lambda authorizers
   * @param decisions     the decisions of HTTP API Lambda authorizers
   * @param jwt           validates Cognito tokens, or null (COGNITO_USER_POOLS methods then fail closed)
   * @param iam           verifies SigV4 for {@code execute-api}; dev mode when it has no keys
   * @param cognitoIssuer the issuer URL of a user pool, by region and pool id
   */
  public AuthControl(LambdaAuthorizerInvoker lambda, AuthorizerCache<LambdaAuthorizerResponse> cache,
      AuthorizerCache<Decided> decisions, JwtValidators jwt, SigV4Verifier iam, BiFunction<String, String, String> cognitoIssuer,
      String defaultAccountId, String defaultRegion) {
    this.lambda = lambda;
    this.cache = cache;
    this.decisions = decisions;
    this.jwt = jwt;
    this.iam = iam;
    this.cognitoIssuer = cognitoIssuer;
    this.defaultAccountId = defaultAccountId;
    this.defaultRegion = defaultRegion;
  }

  /** Nothing configured: AWS_IAM in dev mode; Lambda and Cognito authorizers answer 500 (fail closed). */
  public static AuthControl unconfigured() {
    return new AuthControl(null, new LocalAuthorizerCache<>(), new LocalAuthorizerCache<>(), null, new SigV4Verifier(Map.of(), Clock.systemUTC(), "execute-api"),
        (region, pool) -> "https://cognito-idp." + region + ".amazonaws.com/" + pool, "000000000000", "us-east-1");
  }

  /** The REST and WebSocket authorizer result cache, for FlushStageAuthorizersCache. */
  public AuthorizerCache<LambdaAuthorizerResponse> cache() {
    return cache;
  }

  /** The HTTP API authorizer decision cache. */
  public AuthorizerCache<Decided> decisions() {
    return decisions;
  }

  LambdaAuthorizerInvoker lambda() {
    return lambda;
  }

  JwtValidators jwt() {
    return jwt;
  }

  SigV4Verifier iam() {
    return iam;
  }

  String cognitoIssuer(String region, String poolId) {
    return cognitoIssuer.apply(region, poolId);
  }


  /**
   * Prepares one deployment of an API.
   *
   * @param scope the API's store scope {@code account:region}, or null for the server's defaults
   * @throws IllegalArgumentException when the resource policy is not a valid policy document
   */
  DeploymentAuth of(String apiId, String scope, DeployedApi deployment) {
    String account = defaultAccountId;
    String region = defaultRegion;
    if (scope != null && scope.indexOf(':') > 0) {
      account = scope.substring(0, scope.indexOf(':'));
      region = scope.substring(scope.indexOf(':') + 1);
    }
    return new DeploymentAuth(this, apiId, account, region, deployment);
  }

  @Override
  public String toString() {
    return "AuthControl(" + (lambda == null ? "no Lambda" : lambda) + ", " + (jwt == null ? "no JWT" : jwt) + ", " + iam + ")";
  }
}
