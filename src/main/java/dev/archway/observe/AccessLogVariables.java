package dev.archway.observe;

import dev.archway.auth.AuthorizerResult;
import dev.archway.integration.BackendResponse;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.WebSocketEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every {@code $context} variable of AWS's access logs (REST, HTTP and WebSocket APIs), each as the
 * function that reads it from a completed {@link RequestLog}: chosen once, when a format is
 * compiled. A variable without a value for a request reads null, which the log prints as {@code -},
 * as AWS prints it. Identity and authorizer values are the ones mapping templates see.
 */
final class AccessLogVariables {
  /** A variable's value for one request, or null when it has none. */
  interface Value extends Function<RequestLog, String> {}

  /** What AWS defines but no Archway request ever has (WAF, mutual TLS, Cognito identity pools, custom domains). */
  private static final Set<String> NEVER_SET = Set.of("wafResponseCode", "webaclArn", "waf.error", "waf.latency",
      "waf.status", "customDomain.basePathMatched", "identity.cognitoAuthenticationProvider",
      "identity.cognitoAuthenticationType", "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId",
      "identity.principalOrgId", "identity.userArn", "identity.clientCert.clientCertPem",
      "identity.clientCert.subjectDN", "identity.clientCert.issuerDN", "identity.clientCert.serialNumber",
      "identity.clientCert.validity.notBefore", "identity.clientCert.validity.notAfter", "identity.vpceId",
      "identity.vpcId", "authenticate.error", "authenticate.latency", "authenticate.status", "awsEndpointRequestId2",
      "integration.awsEndpointRequestId2");

  private AccessLogVariables() {}

  /**
   * The value of {@code $context.<name>}, or null when AWS defines no such variable.
   *
   * @param accountId the API owner's account ({@code $context.accountId})
   * @param traced whether the stage traces its requests ({@code $context.xrayTraceId} is set only then)
   */
  static Value of(String name, String accountId, boolean traced) {
    if (name.equals("xrayTraceId")) {
      return traced ? context(c -> traceRoot(c.traceId())) : log -> null;
    }
    Value plain = plain(name, accountId);
    if (plain != null) {
      return plain;
    }
    if (NEVER_SET.contains(name)) {
      return log -> null;
    }
    if (name.startsWith("authorizer.claims.")) {
      String claim = name.substring("authorizer.claims.".length());
      return log -> text(authorizer(log) == null ? null : authorizer(log).claims().get(claim));
    }
    if (name.startsWith("requestOverride.") || name.startsWith("responseOverride.")) {
      return override(name);
    }
    if (name.startsWith("authorizer.") && name.indexOf('.', "authorizer.".length()) < 0) {
      String key = name.substring("authorizer.".length());
      return log -> text(authorizer(log) == null ? null : authorizer(log).context().get(key));
    }
    return null;
  }

  private static Value plain(String name, String accountId) {
    return switch (name) {
      case "accountId" -> log -> accountId;
      case "apiId" -> context(RequestContext::apiId);
      case "stage" -> context(RequestContext::stage);
      case "deploymentId" -> context(RequestContext::deploymentId);
      case "domainName" -> context(RequestContext::domainName);
      case "domainPrefix" -> context(RequestContext::domainPrefix);
      case "requestId" -> context(RequestContext::requestId);
      case "extendedRequestId" -> context(RequestContext::extendedRequestId);
      case "httpMethod" -> context(RequestContext::httpMethod);
      case "path" -> context(RequestContext::path);
      case "protocol" -> context(RequestContext::protocol);
      case "resourceId" -> context(RequestContext::resourceId);
      case "resourcePath" -> context(RequestContext::resourcePath);
      case "routeKey" -> context(RequestContext::routeKey);
      case "requestTime" -> context(RequestContext::requestTime);
      case "requestTimeEpoch" -> context(c -> Long.toString(c.requestTimeEpoch()));
      case "identity.sourceIp" -> context(RequestContext::sourceIp);
      case "identity.userAgent" -> context(RequestContext::userAgent);
      case "isCanaryRequest" -> context(c -> c.isCanaryRequest() == null ? null : c.isCanaryRequest().toString());
      case "status" -> log -> log.status() == RequestLog.CLIENT_CLOSED ? null : Integer.toString(log.status());
      case "responseLength" -> log -> log.responseLength() < 0 ? null : Long.toString(log.responseLength());
      case "responseLatency" -> log -> Long.toString(log.latencyNanos() / 1_000_000);
      case "dataProcessed" -> log -> Long.toString(log.requestBytes() + log.responseBytes());
      case "integrationLatency", "integration.latency" -> log -> millis(log.integrationLatencyNanos());
      case "integrationStatus", "integration.status" ->
          log -> log.integrationStatus() < 0 ? null : Integer.toString(log.integrationStatus());
      // For Lambda proxy integrations AWS reports Lambda's own status here, not the function's.
      case "integration.integrationStatus" -> log -> log.integrationStatus() < 0 ? null : "200";
      case "integrationErrorMessage", "integration.error" -> RequestLog::integrationError;
      case "awsEndpointRequestId", "integration.requestId", "authorizer.requestId" -> AccessLogVariables::endpointRequestId;
      case "error.message" -> RequestLog::errorMessage;
      case "error.messageString" -> log -> log.errorMessage() == null ? null : "\"" + log.errorMessage() + "\"";
      case "error.responseType" -> RequestLog::errorType;
      case "error.validationErrorString" -> RequestLog::validationErrorString;
      case "authorizer.principalId" -> log -> authorizer(log) == null ? null : authorizer(log).principalId();
      case "authorizer.latency", "authorizer.integrationLatency", "authorize.latency" ->
          log -> millis(log.authorizerLatencyNanos());
      case "authorizer.status", "authorize.status" -> AccessLogVariables::authorizerStatus;
      case "authorizer.integrationStatus" -> log -> log.authorizerLatencyNanos() < 0 ? null : "200";
      case "authorizer.error", "authorize.error" -> log -> authorizerStatus(log) == null || "200".equals(authorizerStatus(log))
          ? null : log.errorMessage();
      case "identity.apiKey" -> exchange(Exchange::apiKeyValue);
      case "identity.apiKeyId" -> RequestLog::apiKeyId;
      case "identity.caller", "identity.user" -> exchange(e -> e.caller() == null ? null : e.caller().accessKeyId());
      case "identity.accountId" -> exchange(e -> e.caller() == null ? null : e.caller().accountId());
      case "connectionId" -> event(WebSocketEvent::connectionId);
      case "eventType" -> event(WebSocketEvent::eventType);
      case "messageId" -> event(WebSocketEvent::messageId);
      case "connectedAt" -> event(e -> Long.toString(e.connectedAt()));
      case "messageDirection" -> event(e -> "IN");
      default -> null;
    };
  }

  private static Value context(Function<RequestContext, String> read) {
    return log -> log.context() == null ? null : read.apply(log.context());
  }

  private static Value exchange(Function<Exchange, String> read) {
    return log -> log.exchange() == null ? null : read.apply(log.exchange());
  }

  private static Value event(Function<WebSocketEvent, String> read) {
    return log -> log.webSocketEvent() == null ? null : read.apply(log.webSocketEvent());
  }

  private static AuthorizerResult authorizer(RequestLog log) {
    return log.exchange() == null ? null : log.exchange().authorizer();
  }

  /** 200 when the authorizer allowed the caller; its refusal's status otherwise; null when none ran. */
  private static String authorizerStatus(RequestLog log) {
    if (log.authorizerLatencyNanos() < 0) {
      return null;
    }
    String type = log.errorType();
    if ("UNAUTHORIZED".equals(type)) {
      return "401";
    }
    if ("ACCESS_DENIED".equals(type)) {
      return "403";
    }
    return "AUTHORIZER_FAILURE".equals(type) || "AUTHORIZER_CONFIGURATION_ERROR".equals(type) ? "500" : "200";
  }

  private static String endpointRequestId(RequestLog log) {
    BackendResponse response = log.exchange() == null ? null : log.exchange().endpointResponse();
    if (response == null || response.headers() == null) {
      return null;
    }
    String id = response.headers().get("x-amzn-RequestId");
    return id != null ? id : response.headers().get("x-amz-request-id");
  }

  private static Value override(String name) {
    String[] parts = name.split("\\.", 3);
    return exchange(e -> {
      var o = e.overrides();
      if (parts[0].equals("responseOverride")) {
        return parts.length == 2 && parts[1].equals("status") ? o.responseStatus() == null ? null : o.responseStatus().toString()
            : parts.length == 3 && parts[1].equals("header") ? o.responseHeaders().get(parts[2]) : null;
      }
      if (parts.length < 3) {
        return null;
      }
      return switch (parts[1]) {
        case "header" -> first(o.requestHeaders().get(parts[2]));
        case "querystring" -> first(o.requestQueryString().get(parts[2]));
        case "path" -> o.requestPath().get(parts[2]);
        default -> null;
      };
    });
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String millis(long nanos) {
    return nanos < 0 ? null : Long.toString(nanos / 1_000_000);
  }

  /** {@code 1-5e1b4151-5ac6c58f5b2e7e21a2a35f5f} out of {@code Root=1-...;Parent=...}. */
  private static String traceRoot(String traceId) {
    if (traceId == null) {
      return null;
    }
    int root = traceId.indexOf("Root=");
    if (root < 0) {
      return null;
    }
    int end = traceId.indexOf(';', root);
    return traceId.substring(root + 5, end < 0 ? traceId.length() : end);
  }

  private static String text(Object value) {
    return value == null ? null : value instanceof Map || value instanceof List ? null : String.valueOf(value);
  }
}
