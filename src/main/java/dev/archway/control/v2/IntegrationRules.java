package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import dev.archway.integration.UriTemplate;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an integration may say, and AWS's defaults. HTTP APIs: {@code AWS_PROXY} (Lambda, payload
 * 1.0 or 2.0, required) and {@code HTTP_PROXY} (payload 1.0), timeouts 50..30000 ms (default 30000).
 * WebSocket APIs: {@code AWS}, {@code AWS_PROXY}, {@code HTTP}, {@code HTTP_PROXY}, {@code MOCK},
 * payload 1.0, timeouts 50..29000 ms (default 29000).
 */
final class IntegrationRules {
  private static final List<String> HTTP_TYPES = List.of("AWS_PROXY", "HTTP_PROXY");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  private static final Pattern HTTP_REQUEST_PARAMETER =
      Pattern.compile("(?:(?:append|overwrite|remove):(?:header|querystring)\\.[^\\s]+|overwrite:path)");
  private static final Pattern HTTP_RESPONSE_PARAMETER =
      Pattern.compile("(?:(?:append|overwrite|remove):header\\.[^\\s]+|overwrite:statuscode)");
  private static final Pattern STATUS_CODE = Pattern.compile("[2-5][0-9][0-9]");

  private IntegrationRules() {}

  static Integration check(HttpApi api, Integration in) {
    String type = Checks.required("integrationType", in.integrationType());
    boolean http = api.isHttp();
    if (http && !HTTP_TYPES.contains(type)) {
      throw ApiException.badRequest(
          "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)");
    }
    // The model has checked integrationType and connectionType against its enums.
    String connectionType = in.connectionType() == null ? "INTERNET" : in.connectionType();
    if (connectionType.equals("VPC_LINK")) {
      Checks.required("connectionId", in.connectionId());
    }
    int maxTimeout = http ? 30000 : 29000;
    Checks.range("timeoutInMillis", in.timeoutInMillis(), 50, maxTimeout);
    Checks.length("description", in.description(), 0, 1024);
    String payload = payloadFormatVersion(http, type, in);
    String method = method(type, in);
    if (!type.equals("MOCK") && in.integrationSubtype() == null) {
      uri(type, connectionType, Checks.required("integrationUri", in.integrationUri()));
    }
    if (http) {
      httpOnly(in);
    } else {
      WebSocketRules.integration(in);
    }
    boolean templated = !http && List.of("AWS", "HTTP", "MOCK").contains(type);
    return new Integration(in.apiGatewayManaged(), in.connectionId(), connectionType, in.contentHandlingStrategy(),
        in.credentialsArn(), in.description(), in.integrationId(), method,
        templated ? responseSelection(type) : null, in.integrationSubtype(), type, in.integrationUri(),
        templated && in.passthroughBehavior() == null ? "WHEN_NO_MATCH" : in.passthroughBehavior(), payload,
        in.requestParameters(), in.requestTemplates(), in.responseParameters(), in.templateSelectionExpression(),
        in.timeoutInMillis() == null ? maxTimeout : in.timeoutInMillis(), in.tlsConfig());
  }

  private static String payloadFormatVersion(boolean http, String type, Integration in) {
    String version = in.payloadFormatVersion();
    if (http && type.equals("AWS_PROXY") && in.integrationSubtype() == null) {
      Checks.required("payloadFormatVersion", version);
      Checks.oneOf("payloadFormatVersion", version, List.of("1.0", "2.0"));
      return version;
    }
    Checks.oneOf("payloadFormatVersion", version, List.of("1.0"));
    return "1.0";
  }

  private static String method(String type, Integration in) {
    String method = in.integrationMethod();
    if (method == null) {
      if (type.equals("HTTP_PROXY") || type.equals("HTTP")) {
        throw ApiException.badRequest("integrationMethod is required for integrationType " + type);
      }
      return type.equals("MOCK") ? null : "POST";
    }
    Checks.oneOf("integrationMethod", method, METHODS);
    return method;
  }

  private static void uri(String type, String connectionType, String uri) {
    Checks.length("integrationUri", uri, 1, 2048);
    boolean arn = uri.startsWith("arn:");
    if (type.startsWith("AWS") && !arn) {
      throw ApiException.badRequest("Invalid integrationUri: " + Checks.abbreviate(uri)
          + " (expected: a Lambda function ARN or an arn:aws:apigateway:...:lambda:path/... invocation URI)");
    }
    if (type.startsWith("HTTP") && !(connectionType.equals("VPC_LINK") && arn) && !isHttpUrl(uri)) {
      throw ApiException.badRequest("Invalid integrationUri: " + Checks.abbreviate(uri)
          + " (expected: an absolute http or https URL" + (connectionType.equals("VPC_LINK") ? ", or a load balancer or Cloud Map ARN" : "") + ")");
    }
    if (type.startsWith("HTTP") && UriTemplate.hasUserInfo(uri)) {
      throw ApiException.badRequest("Invalid integrationUri: user information (user:password@) is not supported"
          + " (expected: an absolute http or https URL without it; send credentials with a request parameter mapping)");
    }
  }

  static boolean isHttpUrl(String uri) {
    try {
      URI parsed = new URI(uri.replace("{", "%7B").replace("}", "%7D").replace("$", "%24"));
      return ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))
          && parsed.getRawAuthority() != null && !parsed.getRawAuthority().isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  /** HTTP APIs transform requests and responses with parameter mappings only: no templates. */
  private static void httpOnly(Integration in) {
    if (in.requestTemplates() != null || in.templateSelectionExpression() != null || in.passthroughBehavior() != null
        || in.contentHandlingStrategy() != null) {
      throw ApiException.badRequest("requestTemplates, templateSelectionExpression, passthroughBehavior and "
          + "contentHandlingStrategy are supported only for WebSocket APIs");
    }
    Map<String, String> request = in.requestParameters();
    if (request != null && in.integrationSubtype() == null) {
      request.forEach((key, value) -> parameter(key, value, HTTP_REQUEST_PARAMETER, "requestParameters",
          "<append|overwrite|remove>:<header|querystring>.<name> or overwrite:path"));
    }
    if (in.responseParameters() != null) {
      in.responseParameters().forEach((status, mappings) -> {
        if (!STATUS_CODE.matcher(status).matches() || mappings == null) {
          throw ApiException.badRequest("Invalid responseParameters key: " + Checks.abbreviate(status) + " (expected: a status code 200..599)");
        }
        mappings.forEach((key, value) -> parameter(key, value, HTTP_RESPONSE_PARAMETER, "responseParameters",
            "<append|overwrite|remove>:header.<name> or overwrite:statuscode"));
      });
    }
  }

  private static void parameter(String key, String value, Pattern pattern, String member, String expected) {
    if (!pattern.matcher(key).matches()) {
      throw ApiException.badRequest("Invalid " + member + " key: " + Checks.abbreviate(key) + " (expected: " + expected + ")");
    }
    if (value == null || value.isEmpty() || value.length() > 512) {
      throw ApiException.badRequest("Invalid " + member + " value for " + Checks.abbreviate(key) + " (expected: 1..512 characters)");
    }
  }

  private static String responseSelection(String type) {
    return type.equals("AWS") ? "${integration.response.body.errorMessage}" : "${integration.response.statuscode}";
  }
}
