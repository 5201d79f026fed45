package dev.archway.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload 1.0 event of a REST AWS_PROXY integration, as AWS documents it ("Input format of a
 * Lambda function for proxy integration"): single- and multi-value headers and query (the single
 * map keeps the last value), null for absent maps, {@code path} without and
 * {@code requestContext.path} with the stage, binary bodies base64-encoded. Every
 * {@code requestContext} value comes from the request's one {@link RequestContext}.
 */
public final class LambdaProxyEvent {
  /** Never forwarded, not even to a proxy integration: hop-by-hop headers and the others of AWS-BEHAVIOUR A.7. */
  private static final HeaderNames DROPPED_HEADERS = HopByHop.plus("content-length", "content-md5", "expect",
      "max-forwards", "proxy-authenticate", "server", "www-authenticate");
  /** AWS_PROXY title-cases these (they pass through CloudFront); other names keep the client's casing. */
  private static final Map<String, String> TITLE_CASED = Map.of("authorization", "Authorization", "user-agent", "User-Agent");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What the event says about the route, fixed at deploy time. */
  public record Route(String accountId, String resourceId, String resourcePath, BinaryMediaTypes binaryMediaTypes) {}

  private LambdaProxyEvent() {}

  public static ObjectNode of(Exchange exchange, Route route) {
    MethodRequest request = exchange.methodRequest();
    CompiledStage stage = exchange.stage();
    ObjectNode event = JSON.objectNode();
    event.put("resource", route.resourcePath());
    // Through a custom domain name AWS passes the path as sent, base path included.
    event.put("path", exchange.context().customDomain() ? exchange.context().path()
        : request.path().isEmpty() ? "/" : request.path());
    event.put("httpMethod", request.httpMethod());
    Map<String, List<String>> headers = headers(request.headers(), exchange.context());
    event.set("headers", single(headers));
    event.set("multiValueHeaders", multi(headers));
    Map<String, List<String>> query = grouped(request.queryParameters());
    event.set("queryStringParameters", single(query));
    event.set("multiValueQueryStringParameters", multi(query));
    event.set("pathParameters", request.pathParameters().isEmpty() ? JSON.nullNode() : strings(request.pathParameters()));
    event.set("stageVariables", stage.variables().isEmpty() ? JSON.nullNode() : strings(stage.variables()));
    event.set("requestContext", requestContext(exchange, route));
    if (request.body().length() == 0) {
      event.putNull("body");
      event.put("isBase64Encoded", false);
    } else if (route.binaryMediaTypes().matches(request.headers().get("Content-Type"))) {
      event.put("body", Base64.getEncoder().encodeToString(request.body().getBytes()));
      event.put("isBase64Encoded", true);
    } else {
      event.put("body", request.body().toString(StandardCharsets.UTF_8));
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  private static ObjectNode requestContext(Exchange exchange, Route route) {
    RequestContext request = exchange.context();
    ObjectNode context = JSON.objectNode();
    context.put("resourceId", route.resourceId());
    context.put("resourcePath", route.resourcePath());
    context.put("httpMethod", request.httpMethod());
    context.put("extendedRequestId", request.extendedRequestId());
    context.put("requestTime", request.requestTime());
    context.put("path", request.path());
    context.put("accountId", route.accountId());
    context.put("protocol", request.protocol());
    context.put("stage", request.stage());
    context.put("domainPrefix", request.domainPrefix());
    context.put("requestTimeEpoch", request.requestTimeEpoch());
    context.put("requestId", request.requestId());
    ObjectNode identity = context.putObject("identity");
    for (String absent : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) {
      identity.putNull(absent);
    }
    if (exchange.apiKey() != null) { // AWS leaves both out when no key was used
      identity.put("apiKey", exchange.apiKeyValue());
      identity.put("apiKeyId", exchange.apiKey().keyId());
    }
    identity.putNull("principalOrgId");
    identity.put("sourceIp", request.sourceIp());
    for (String absent : List.of("cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn")) {
      identity.putNull(absent);
    }
    identity.put("userAgent", request.userAgent());
    identity.putNull("user");
    identity.putNull("accessKey");
    authorization(exchange, context, identity);
    context.put("domainName", request.domainName());
    context.put("deploymentId", request.deploymentId());
    context.put("apiId", request.apiId());
    return context;
  }

  /**
   * {@code requestContext.authorizer}: a Lambda authorizer's principalId and context entries, or a
   * Cognito authorizer's {@code claims}; and the SigV4 caller in {@code identity}.
   */
  private static void authorization(Exchange exchange, ObjectNode context, ObjectNode identity) {
    dev.archway.auth.AuthorizerResult authorizer = exchange.authorizer();
    if (authorizer != null) {
      ObjectNode node = context.putObject("authorizer");
      if (authorizer.claims().isEmpty()) {
        node.put("principalId", authorizer.principalId());
        authorizer.context().forEach((key, value) -> node.set(key, dev.archway.model.Json.MAPPER.valueToTree(value)));
      } else {
        ObjectNode claims = node.putObject("claims");
        authorizer.claims().forEach((key, value) -> claims.put(key, value == null ? null : String.valueOf(value)));
      }
    }
    dev.archway.auth.Principal caller = exchange.caller();
    if (caller != null) {
      identity.put("accessKey", caller.accessKeyId());
      identity.put("caller", caller.accessKeyId());
      identity.put("user", caller.accessKeyId());
      identity.put("accountId", caller.accountId());
    }
  }

  /**
   * Header names grouped case-insensitively under the first casing seen, hop-by-hop headers
   * dropped; then what AWS adds: the trace id it passes on and {@code X-Forwarded-For/-Port/-Proto}.
   */
  private static Map<String, List<String>> headers(MultiMap headers, RequestContext context) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      if (DROPPED_HEADERS.contains(header.getKey())) {
        continue;
      }
      String lower = header.getKey().toLowerCase(Locale.ROOT);
      List<String> values = byName.computeIfAbsent(header.getKey(), name -> {
        List<String> list = new ArrayList<>();
        ordered.put(TITLE_CASED.getOrDefault(lower, name), list);
        return list;
      });
      values.add(header.getValue());
    }
    set(byName, ordered, "X-Amzn-Trace-Id", context.traceId());
    if (context.sourceIp() != null) {
      List<String> forwarded = byName.get("X-Forwarded-For");
      set(byName, ordered, "X-Forwarded-For", forwarded == null ? context.sourceIp()
          : forwarded.get(forwarded.size() - 1) + ", " + context.sourceIp());
    }
    if (context.port() > 0) {
      set(byName, ordered, "X-Forwarded-Port", Integer.toString(context.port()));
    }
    set(byName, ordered, "X-Forwarded-Proto", "http");
    return ordered;
  }

  /** Replaces a header's values, keeping the casing the client used for it. */
  private static void set(Map<String, List<String>> byName, Map<String, List<String>> ordered, String name, String value) {
    List<String> values = byName.get(name);
    if (values == null) {
      values = new ArrayList<>();
      byName.put(name, values);
      ordered.put(name, values);
    }
    values.clear();
    values.add(value);
  }

  private static Map<String, List<String>> grouped(MultiMap parameters) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      out.computeIfAbsent(parameter.getKey(), k -> new ArrayList<>()).add(parameter.getValue());
    }
    return out;
  }

  /** The single-value map: AWS keeps the last value of a repeated name; null when empty. */
  private static JsonNode single(Map<String, List<String>> values) {
    if (values.isEmpty()) {
      return JSON.nullNode();
    }
    ObjectNode out = JSON.objectNode();
    values.forEach((name, list) -> out.put(name, list.get(list.size() - 1)));
    return out;
  }

  private static JsonNode multi(Map<String, List<String>> values) {
    if (values.isEmpty()) {
      return JSON.nullNode();
    }
    ObjectNode out = JSON.objectNode();
    values.forEach((name, list) -> list.forEach(out.putArray(name)::add));
    return out;
  }

  private static ObjectNode strings(Map<String, String> values) {
    ObjectNode out = JSON.objectNode();
    new TreeMap<>(values).forEach(out::put);
    return out;
  }
}
