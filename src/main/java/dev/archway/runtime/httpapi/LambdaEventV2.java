package dev.archway.runtime.httpapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.auth.AuthorizerResult;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.HeaderNames;
import dev.archway.runtime.HopByHop;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.RequestContext;
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
 * The payload 2.0 event of an HTTP API AWS_PROXY integration, as AWS documents it ("Create AWS
 * Lambda proxy integrations for HTTP APIs"): header names lower-cased and repeated values joined
 * with commas, the {@code Cookie} header moved to {@code cookies}, repeated query values joined with
 * commas, {@code routeKey} the route's template, {@code rawPath} the path as the client sent it
 * (stage prefix included), absent maps left out rather than null.
 */
public final class LambdaEventV2 {
  /** Hop-by-hop headers and a few more never reach the event; {@code Cookie} moves to {@code cookies}. */
  private static final HeaderNames DROPPED_HEADERS = HopByHop.plus("proxy-authenticate", "expect", "cookie");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LambdaEventV2() {}

  public static ObjectNode of(Exchange exchange, String routeKey, String accountId) {
    MethodRequest request = exchange.methodRequest();
    RequestContext arrived = exchange.context();
    CompiledStage stage = exchange.stage();
    ObjectNode event = JSON.objectNode();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", rawPath(exchange));
    event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
    List<String> cookies = cookies(request.headers());
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headers = event.putObject("headers");
    joined(headers(request, arrived)).forEach(headers::put);
    if (!request.queryParameters().isEmpty()) {
      ObjectNode query = event.putObject("queryStringParameters");
      joined(grouped(request.queryParameters())).forEach(query::put);
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", accountId);
    context.put("apiId", stage.apiId());
    AuthorizerResult authorizer = exchange.authorizer();
    if (authorizer != null) {
      context.set("authorizer", authorizer(authorizer));
    }
    context.put("domainName", arrived.domainName());
    context.put("domainPrefix", arrived.domainPrefix());
    ObjectNode http = context.putObject("http");
    http.put("method", arrived.httpMethod());
    http.put("path", rawPath(exchange));
    http.put("protocol", arrived.protocol());
    http.put("sourceIp", arrived.sourceIp());
    http.put("userAgent", arrived.userAgent());
    context.put("requestId", arrived.requestId());
    context.put("routeKey", routeKey);
    context.put("stage", arrived.stage());
    context.put("time", arrived.requestTime());
    context.put("timeEpoch", arrived.requestTimeEpoch());
    if (request.body().length() > 0) {
      boolean text = isText(request.headers().get("Content-Type"));
      event.put("body", text ? request.body().toString(StandardCharsets.UTF_8)
          : Base64.getEncoder().encodeToString(request.body().getBytes()));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    if (!request.pathParameters().isEmpty()) {
      ObjectNode path = event.putObject("pathParameters");
      new TreeMap<>(request.pathParameters()).forEach(path::put);
    }
    if (!stage.variables().isEmpty()) {
      ObjectNode variables = event.putObject("stageVariables");
      new TreeMap<>(stage.variables()).forEach(variables::put);
    }
    return event;
  }

  /**
   * {@code requestContext.authorizer} of a 2.0 event: {@code jwt} (claims as strings, scopes from
   * the {@code scope} claim) for a JWT authorizer, {@code lambda} (the authorizer's context) otherwise.
   */
  static ObjectNode authorizer(AuthorizerResult result) {
    ObjectNode node = JSON.objectNode();
    if (!result.claims().isEmpty()) {
      ObjectNode jwt = node.putObject("jwt");
      ObjectNode claims = jwt.putObject("claims");
      new TreeMap<>(result.claims()).forEach((name, value) -> claims.put(name, claimText(value)));
      List<String> scopes = scopes(result);
      if (scopes == null) {
        jwt.putNull("scopes");
      } else {
        scopes.forEach(jwt.putArray("scopes")::add);
      }
    } else {
      node.set("lambda", dev.archway.model.Json.MAPPER.valueToTree(new TreeMap<>(result.context())));
    }
    return node;
  }

  /** The token's scopes ({@code scope}, space-separated, or {@code scp}), or null when it has none. */
  static List<String> scopes(AuthorizerResult result) {
    Object scope = result.claims().get("scope");
    if (scope == null) {
      scope = result.claims().get("scp");
    }
    if (scope == null) {
      return null;
    }
    if (scope instanceof java.util.Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return java.util.Arrays.stream(String.valueOf(scope).split(" ")).filter(s -> !s.isEmpty()).toList();
  }

  /** AWS passes claims on as strings; arrays print as {@code [a b]}, as AWS's do. */
  static String claimText(Object value) {
    if (value instanceof java.util.Collection<?> list) {
      return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
    }
    if (value instanceof java.util.Date date) {
      return Long.toString(date.getTime() / 1000);
    }
    return String.valueOf(value);
  }

  /**
   * The path as the client sent it to the API's endpoint: with the stage, except for {@code $default};
   * through a custom domain name without the API mapping's key (AWS-BEHAVIOUR A.5).
   */
  static String rawPath(Exchange exchange) {
    String path = exchange.methodRequest().path().isEmpty() ? "/" : exchange.methodRequest().path();
    String stage = exchange.stage().stageName();
    return stage.equals(HttpApiStages.DEFAULT_STAGE) || exchange.context().customDomain() ? path : "/" + stage + path;
  }

  /**
   * AWS passes text bodies as they are and base64-encodes the rest; HTTP APIs have no
   * binaryMediaTypes, so the Content-Type decides (a missing one counts as text).
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
        || type.equals("application/graphql");
  }

  private static List<String> cookies(MultiMap headers) {
    List<String> out = new ArrayList<>();
    for (String header : headers.getAll("Cookie")) {
      for (String cookie : header.split(";")) {
        if (!cookie.isBlank()) {
          out.add(cookie.trim());
        }
      }
    }
    return out;
  }

  /** Lower-cased names, hop-by-hop ones dropped, then what AWS adds: the trace id and {@code x-forwarded-*}. */
  private static Map<String, List<String>> headers(MethodRequest request, RequestContext arrived) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : request.headers()) {
      if (!DROPPED_HEADERS.contains(header.getKey())) {
        out.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
      }
    }
    out.put("x-amzn-trace-id", List.of(arrived.traceId()));
    if (arrived.sourceIp() != null) {
      out.computeIfAbsent("x-forwarded-for", k -> new ArrayList<>()).add(arrived.sourceIp());
    }
    if (arrived.port() > 0) {
      out.put("x-forwarded-port", List.of(Integer.toString(arrived.port())));
    }
    out.put("x-forwarded-proto", List.of("http"));
    return out;
  }

  private static Map<String, List<String>> grouped(MultiMap parameters) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      out.computeIfAbsent(parameter.getKey(), k -> new ArrayList<>()).add(parameter.getValue());
    }
    return out;
  }

  private static Map<String, String> joined(Map<String, List<String>> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((name, list) -> out.put(name, String.join(",", list)));
    return out;
  }
}
