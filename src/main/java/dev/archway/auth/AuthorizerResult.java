package dev.archway.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who an authorizer says the caller is, for the steps after it and for {@code $context.authorizer.*}:
 * the Lambda authorizer's {@code principalId}, {@code context} (values are strings, numbers or
 * booleans) and {@code usageIdentifierKey} (the API key when the API's key source is AUTHORIZER),
 * or the claims of a validated JWT ({@code $context.authorizer.claims.*}). Maps never null.
 */
public record AuthorizerResult(
    String principalId, Map<String, Object> context, Map<String, Object> claims, String usageIdentifierKey) {

  public AuthorizerResult {
    context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    claims = claims == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  /** What a JWT authorizer (Cognito user pools) produces: claims, with {@code sub} as the principal. */
  public static AuthorizerResult ofClaims(Map<String, Object> claims) {
    Object sub = claims.get("sub");
    return new AuthorizerResult(sub == null ? null : String.valueOf(sub), Map.of(), claims, null);
  }
}
