package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.mapping.ContextVariables;
import dev.archway.mapping.TemplateInput;
import dev.archway.traffic.PlanKey;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of a connection on its way to a route's integration, as templates, parameter mappings
 * and selection expressions read it: the stage it is served from, the connection, the request's
 * ids and time, the message ("" on CONNECT and DISCONNECT; {@code json} is it parsed, or null) and,
 * on CONNECT only, the handshake's headers and query string (messages carry neither, as on AWS).
 * {@code $context} is built once, when first read. Used on the connection's event loop.
 */
final class RouteEvent {
  private final WebSocketStage stage;
  private final WebSocketConnection connection;
  private final WebSocketEvents.Request request;
  private final String body;
  private final JsonNode json;
  private final MultiMap headers;
  private final Map<String, List<String>> query;
  private PlanKey apiKey;
  private ContextVariables context;

  RouteEvent(WebSocketStage stage, WebSocketConnection connection, WebSocketEvents.Request request, String body,
      JsonNode json, MultiMap headers, Map<String, List<String>> query) {
    this.stage = stage;
    this.connection = connection;
    this.request = request;
    this.body = body;
    this.json = json;
    this.headers = headers;
    this.query = query == null ? Map.of() : query;
  }

  WebSocketStage stage() {
    return stage;
  }

  WebSocketConnection connection() {
    return connection;
  }

  WebSocketEvents.Request request() {
    return request;
  }

  String requestId() {
    return request.requestId();
  }

  String body() {
    return body;
  }

  JsonNode json() {
    return json;
  }

  /** The handshake's header, on CONNECT; null otherwise or when absent. */
  String header(String name) {
    return headers == null ? null : headers.get(name);
  }

  /** The handshake's query string value (the last of repeated ones), on CONNECT; null otherwise or when absent. */
  String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  /** The key of a usage plan of this stage the event was admitted with, for {@code $context.identity.apiKey(Id)}. */
  void apiKey(PlanKey key) {
    this.apiKey = key;
    this.context = null;
    if (key != null && request.log() != null) {
      request.log().apiKeyId(key.keyId());
    }
  }

  ContextVariables context() {
    if (context == null) {
      WebSocketConnection c = connection;
      ContextVariables.Builder builder = ContextVariables.builder()
          .apiId(c.apiId()).stage(stage.stageName()).deploymentId(stage.deploymentId())
          .requestId(request.requestId()).extendedRequestId(request.extendedRequestId())
          .requestTime(request.requestTime(), request.timeEpoch())
          .domainName(c.domainName()).sourceIp(c.sourceIp()).userAgent(c.userAgent())
          .webSocket(c.connectionId(), request.routeKey(), request.eventType(), request.messageId(), c.connectedAt());
      if (c.authorized().principalId() != null) {
        builder.authorizer(c.authorized().principalId(), c.authorized().context());
      }
      if (c.caller() != null) {
        builder.identity("caller", c.caller().accessKeyId()).identity("user", c.caller().accessKeyId());
        if (c.caller().accountId() != null) {
          builder.identity("accountId", c.caller().accountId());
        }
      }
      if (apiKey != null && c.apiKey() != null) {
        builder.identity("apiKey", c.apiKey().value()).identity("apiKeyId", apiKey.keyId());
      }
      context = builder.build();
    }
    return context;
  }

  /** What a template reads: {@code payload} as {@code $input}, the handshake's parameters on CONNECT. */
  TemplateInput input(String payload) {
    return new TemplateInput(payload, null, query, grouped(headers), context(), stage.variables());
  }

  private static Map<String, List<String>> grouped(MultiMap headers) {
    if (headers == null || headers.isEmpty()) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      out.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
    }
    return out;
  }
}
