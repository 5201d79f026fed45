package dev.archway.websocket;

import dev.archway.integration.LambdaFunctionUri;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import java.time.Duration;
import java.util.List;

/**
 * The Lambda REQUEST authorizer of a {@code $connect} route, compiled: the function, the identity
 * sources it needs ({@code route.request.header.x}, {@code route.request.querystring.x},
 * {@code stageVariables.x}, {@code context.x}; any missing refuses the handshake with 401 without a
 * call), how long an answer is cached by those values and where (the server's REST authorizer
 * cache: this node's, or every node's with {@code --redis}), and the method ARN its policy must allow,
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect}.
 */
public record ConnectAuthorizer(
    String authorizerId, LambdaFunctionUri function, LambdaAuthorizerInvoker lambda, List<String> identitySources, Duration ttl,
    String methodArn, AuthorizerCache<LambdaAuthorizerResponse> cache) {

  public ConnectAuthorizer {
    identitySources = List.copyOf(identitySources);
  }

  @Override
  public String toString() {
    return "authorizer " + authorizerId + " (" + function + ", " + identitySources + ", ttl " + ttl.toSeconds() + " s)";
  }
}
