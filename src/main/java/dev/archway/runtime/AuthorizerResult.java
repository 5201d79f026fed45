package dev.archway.runtime;

import java.util.List;
import java.util.Map;

/**
 * What an authorizer step learned about the caller, for the integration to see
 * ({@code requestContext.authorizer}, {@code $context.authorizer.*}).
 */
public sealed interface AuthorizerResult {

  /** A valid JWT: its claims (values as AWS passes them on, strings) and its scopes. */
  record Jwt(Map<String, String> claims, List<String> scopes) implements AuthorizerResult {
    public Jwt {
      claims = Map.copyOf(claims);
      scopes = scopes == null ? null : List.copyOf(scopes);
    }
  }

  /** A Lambda authorizer's answer: the principal (payload 1.0 policies) and its {@code context}. */
  record Lambda(String principalId, Map<String, Object> context) implements AuthorizerResult {
    public Lambda {
      context = Map.copyOf(context);
    }
  }
}
