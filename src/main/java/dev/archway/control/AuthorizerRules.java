package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.ServiceModel;
import dev.archway.model.Authorizer;
import dev.archway.runtime.LinearRegularExpressions;
import java.util.List;
import java.util.regex.Pattern;

/** What makes an authorizer valid, by type; every message names the value and what was expected. */
final class AuthorizerRules {
  static final int DEFAULT_TTL = 300;
  static final int MAX_TTL = 3600;
  private static final Pattern LAMBDA_URI =
      Pattern.compile("arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path/.+");
  private static final Pattern USER_POOL =
      Pattern.compile("arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[\\w-]+_[0-9a-zA-Z]+");
  private static final Pattern HEADER = Pattern.compile("method\\.request\\.header\\.[^\\s,.]+");
  private static final Pattern REQUEST_SOURCE = Pattern.compile(
      "method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring)\\.[^\\s,]+"
          + "|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9_.]+");

  private AuthorizerRules() {}

  /** Returns the authorizer with AWS's default TTL filled in. */
  static Authorizer validate(Authorizer a) {
    if (a.name() == null || a.name().isBlank()) {
      throw ApiException.badRequest("Authorizer name must be non-empty");
    }
    // CreateAuthorizer's type has passed the model's check; a patched one is checked here.
    List<String> types = ServiceModel.apigateway().values("AuthorizerType");
    if (a.type() == null || !types.contains(a.type())) {
      throw ApiException.badRequest("Invalid authorizer type specified: " + a.type() + " (expected: one of " + types + ")");
    }
    int ttl = a.authorizerResultTtlInSeconds() == null ? DEFAULT_TTL : a.authorizerResultTtlInSeconds();
    if (ttl < 0 || ttl > MAX_TTL) {
      throw ApiException.badRequest("Authorizer result TTL: " + ttl + " (expected: 0.." + MAX_TTL + " seconds)");
    }
    String source = a.identitySource();
    if (a.type().equals("COGNITO_USER_POOLS")) {
      if (a.providerARNs() == null || a.providerARNs().isEmpty()) {
        throw ApiException.badRequest("A COGNITO_USER_POOLS authorizer needs providerARNs (expected: Cognito user pool ARNs)");
      }
      for (String arn : a.providerARNs()) {
        if (arn == null || !USER_POOL.matcher(arn).matches()) {
          throw ApiException.badRequest("Invalid provider ARN: " + arn
              + " (expected: arn:aws:cognito-idp:{region}:{account_id}:userpool/{user_pool_id})");
        }
      }
      requireHeader(source, a.type());
    } else {
      if (a.authorizerUri() == null || !LAMBDA_URI.matcher(a.authorizerUri()).matches()) {
        throw ApiException.badRequest("Invalid authorizer URI: " + a.authorizerUri()
            + " (expected: arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations)");
      }
      if (a.type().equals("TOKEN")) {
        requireHeader(source, a.type());
      } else {
        requireRequestSources(source, ttl);
      }
    }
    String expression = a.identityValidationExpression();
    String problem = expression == null || expression.isEmpty() ? null : LinearRegularExpressions.problem(expression);
    if (problem != null) {
      throw ApiException.badRequest("Invalid identity validation expression specified: " + problem);
    }
    return new Authorizer(a.id(), a.name(), a.type(), a.providerARNs(), a.authType(), a.authorizerUri(),
        a.authorizerCredentials(), source, a.identityValidationExpression(), ttl);
  }

  private static void requireHeader(String source, String type) {
    if (source == null || !HEADER.matcher(source.trim()).matches()) {
      throw ApiException.badRequest("Invalid identity source for a " + type + " authorizer: " + source
          + " (expected: method.request.header.{name})");
    }
  }

  /** A REQUEST authorizer may go without identity sources only when it caches nothing. */
  private static void requireRequestSources(String source, int ttl) {
    if (source == null || source.isBlank()) {
      if (ttl > 0) {
        throw ApiException.badRequest("A REQUEST authorizer that caches (authorizerResultTtlInSeconds > 0) needs an identity source");
      }
      return;
    }
    for (String part : source.split(",", -1)) {
      if (!REQUEST_SOURCE.matcher(part.trim()).matches()) {
        throw ApiException.badRequest("Invalid identity source: " + part.trim() + " (expected: method.request.header|querystring"
            + "|multivalueheader|multivaluequerystring.{name}, stageVariables.{name} or context.{name})");
      }
    }
  }
}
