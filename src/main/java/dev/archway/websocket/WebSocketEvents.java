package dev.archway.websocket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import dev.archway.runtime.RequestLog;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda events of WebSocket APIs, as AWS sends them: {@code requestContext} with
 * {@code routeKey}, {@code eventType} (CONNECT, MESSAGE, DISCONNECT), {@code connectionId},
 * {@code messageId}, {@code messageDirection} IN, {@code domainName}, {@code stage},
 * {@code connectedAt}, {@code requestTime(Epoch)}, {@code identity} and {@code authorizer};
 * {@code headers}/{@code multiValueHeaders} and query parameters on CONNECT (and DISCONNECT's
 * headers), {@code body} and {@code isBase64Encoded} on MESSAGE, {@code disconnectStatusCode} and
 * {@code disconnectReason} on DISCONNECT. Also the REQUEST authorizer event of {@code $connect}.
 */
final class WebSocketEvents {
  private WebSocketEvents() {}

  /** What every event's {@code requestContext} says about one request; {@code log} records its outcome. */
  record Request(String requestId, String extendedRequestId, long timeEpoch, String requestTime, String routeKey,
      String eventType, String messageId, RequestLog log) {}

  static ObjectNode connect(WebSocketConnection c, WebSocketStage stage, Request request, MultiMap headers,
      Map<String, List<String>> query) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    headers(event, headers);
    query(event, query);
    event.set("requestContext", context(c, stage, request, null, null));
    event.put("isBase64Encoded", false);
    return event;
  }

  static ObjectNode message(WebSocketConnection c, WebSocketStage stage, Request request, String body) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.set("requestContext", context(c, stage, request, null, null));
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }

  static ObjectNode disconnect(WebSocketConnection c, WebSocketStage stage, Request request, MultiMap headers, int code,
      String reason) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    headers(event, headers);
    event.set("requestContext", context(c, stage, request, code, reason));
    event.put("isBase64Encoded", false);
    return event;
  }

  /** The REQUEST authorizer event of {@code $connect}: the handshake's headers and query string, and the method ARN. */
  static ObjectNode authorizer(WebSocketConnection c, WebSocketStage stage, Request request, String methodArn,
      MultiMap headers, Map<String, List<String>> query) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    headers(event, headers);
    query(event, query);
    event.set("stageVariables", Json.MAPPER.valueToTree(stage.variables()));
    event.set("requestContext", context(c, stage, request, null, null));
    return event;
  }

  private static ObjectNode context(WebSocketConnection c, WebSocketStage stage, Request request, Integer code, String reason) {
    ObjectNode context = Json.MAPPER.createObjectNode();
    context.put("routeKey", request.routeKey());
    if (request.messageId() != null) {
      context.put("messageId", request.messageId());
    }
    context.put("eventType", request.eventType());
    context.put("extendedRequestId", request.extendedRequestId());
    context.put("requestTime", request.requestTime());
    context.put("messageDirection", "IN");
    if (code != null) {
      context.put("disconnectStatusCode", code);
      context.put("disconnectReason", reason == null ? "" : reason);
    }
    context.put("stage", stage.stageName());
    context.put("connectedAt", c.connectedAt());
    context.put("requestTimeEpoch", request.timeEpoch());
    ObjectNode identity = context.putObject("identity");
    if (c.userAgent() != null) {
      identity.put("userAgent", c.userAgent());
    }
    identity.put("sourceIp", c.sourceIp());
    if (c.caller() != null) { // the SigV4 caller of an AWS_IAM $connect
      identity.put("accessKey", c.caller().accessKeyId());
      identity.put("caller", c.caller().accessKeyId());
      identity.put("user", c.caller().accessKeyId());
      identity.put("accountId", c.caller().accountId());
    }
    context.put("requestId", request.requestId());
    context.put("domainName", c.domainName());
    context.put("connectionId", c.connectionId());
    context.put("apiId", c.apiId());
    WebSocketConnection.Authorized authorized = c.authorized();
    if (authorized.principalId() != null) {
      ObjectNode authorizer = context.putObject("authorizer");
      authorizer.put("principalId", authorized.principalId());
      authorized.context().forEach((key, value) -> authorizer.set(key, Json.MAPPER.valueToTree(value)));
    }
    return context;
  }

  private static void headers(ObjectNode event, MultiMap headers) {
    if (headers == null || headers.isEmpty()) {
      return;
    }
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    for (String name : headers.names()) {
      List<String> values = headers.getAll(name);
      single.put(name, values.get(values.size() - 1));
      ArrayNode all = multi.putArray(name);
      values.forEach(all::add);
    }
  }

  private static void query(ObjectNode event, Map<String, List<String>> query) {
    if (query == null || query.isEmpty()) {
      return;
    }
    ObjectNode single = event.putObject("queryStringParameters");
    ObjectNode multi = event.putObject("multiValueQueryStringParameters");
    query.forEach((name, values) -> {
      single.put(name, values.get(values.size() - 1));
      ArrayNode all = multi.putArray(name);
      values.forEach(all::add);
    });
  }
}
