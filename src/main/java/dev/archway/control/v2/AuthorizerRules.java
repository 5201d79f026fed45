package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Authorizer.JwtConfiguration;
import dev.archway.model.v2.HttpApi;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an authorizer may say. HTTP APIs: JWT (issuer, audience, one identity source) or REQUEST
 * (a Lambda, payload 1.0 or 2.0, simple responses with 2.0 only). WebSocket APIs: REQUEST only.
 */
final class AuthorizerRules {
  private static final Pattern HTTP_IDENTITY =
      Pattern.compile("\\$(?:request\\.(?:header|querystring)|context|stageVariables)\\.[^\\s,]+");
  private static final Pattern JWT_IDENTITY = Pattern.compile("\\$request\\.(?:header|querystring)\\.[^\\s,]+");
  private static final Pattern WEBSOCKET_IDENTITY =
      Pattern.compile("(?:route\\.request\\.(?:header|querystring)|context|stageVariables)\\.[^\\s,]+");

  private AuthorizerRules() {}

  static Authorizer check(HttpApi api, Authorizer a) {
    Checks.required("name", a.name());
    Checks.length("name", a.name(), 1, 128);
    String type = Checks.required("authorizerType", a.authorizerType());
    Checks.oneOf("authorizerType", type, api.isHttp() ? List.of("REQUEST", "JWT") : List.of("REQUEST"));
    Checks.range("authorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds(), 0, 3600);
    return type.equals("JWT") ? jwt(a) : request(api, a);
  }

  private static Authorizer jwt(Authorizer a) {
    JwtConfiguration jwt = a.jwtConfiguration();
    if (jwt == null || jwt.issuer() == null || !IntegrationRules.isHttpUrl(jwt.issuer())) {
      throw ApiException.badRequest("JWT authorizers need jwtConfiguration.issuer, an http or https URL");
    }
    if (jwt.audience() == null || jwt.audience().isEmpty()) {
      throw ApiException.badRequest("JWT authorizers need at least one jwtConfiguration.audience");
    }
    if (a.authorizerUri() != null || a.authorizerPayloadFormatVersion() != null || Boolean.TRUE.equals(a.enableSimpleResponses())
        || a.authorizerResultTtlInSeconds() != null && a.authorizerResultTtlInSeconds() != 0) {
      throw ApiException.badRequest("authorizerUri, authorizerPayloadFormatVersion, enableSimpleResponses and "
          + "authorizerResultTtlInSeconds are supported only for REQUEST authorizers");
    }
    List<String> sources = a.identitySource();
    if (sources == null || sources.size() != 1 || !JWT_IDENTITY.matcher(sources.get(0)).matches()) {
      throw ApiException.badRequest("Invalid identitySource: " + sources
          + " (expected for JWT authorizers: one $request.header.<name> or $request.querystring.<name>)");
    }
    return new Authorizer(a.authorizerCredentialsArn(), a.authorizerId(), null, null, a.authorizerType(), null, null,
        sources, a.identityValidationExpression(), jwt, a.name());
  }

  private static Authorizer request(HttpApi api, Authorizer a) {
    String uri = Checks.required("authorizerUri", a.authorizerUri());
    Checks.length("authorizerUri", uri, 1, 2048);
    if (!uri.startsWith("arn:")) {
      throw ApiException.badRequest("Invalid authorizerUri: " + Checks.abbreviate(uri) + " (expected: a Lambda function invocation ARN)");
    }
    if (a.jwtConfiguration() != null) {
      throw ApiException.badRequest("jwtConfiguration is supported only for JWT authorizers");
    }
    int ttl = a.authorizerResultTtlInSeconds() == null ? 0 : a.authorizerResultTtlInSeconds();
    List<String> sources = a.identitySource() == null ? List.of() : a.identitySource();
    if (ttl > 0 && sources.isEmpty()) {
      throw ApiException.badRequest("identitySource is required when authorizerResultTtlInSeconds is greater than 0");
    }
    Pattern allowed = api.isHttp() ? HTTP_IDENTITY : WEBSOCKET_IDENTITY;
    for (String source : sources) {
      if (source == null || !allowed.matcher(source).matches()) {
        throw ApiException.badRequest("Invalid identitySource: " + source + " (expected: "
            + (api.isHttp() ? "$request.header.<name>, $request.querystring.<name>, $context.<name> or $stageVariables.<name>"
                : "route.request.header.<name>, route.request.querystring.<name>, context.<name> or stageVariables.<name>") + ")");
      }
    }
    String version = a.authorizerPayloadFormatVersion();
    boolean simple = Boolean.TRUE.equals(a.enableSimpleResponses());
    if (api.isHttp()) {
      Checks.required("authorizerPayloadFormatVersion", version);
      Checks.oneOf("authorizerPayloadFormatVersion", version, List.of("1.0", "2.0"));
      if (simple && !version.equals("2.0")) {
        throw ApiException.badRequest("enableSimpleResponses is supported only with authorizerPayloadFormatVersion 2.0");
      }
    } else if (version != null || a.enableSimpleResponses() != null) {
      throw ApiException.badRequest("authorizerPayloadFormatVersion and enableSimpleResponses are supported only for HTTP APIs");
    }
    return new Authorizer(a.authorizerCredentialsArn(), a.authorizerId(), version, ttl, a.authorizerType(), uri,
        api.isHttp() ? simple : null, a.identitySource(), a.identityValidationExpression(), null, a.name());
  }
}
