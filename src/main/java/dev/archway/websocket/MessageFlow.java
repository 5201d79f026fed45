package dev.archway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.RequestLog;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;

/**
 * One message of a connection, in AWS's order: the route the API's selection expression picks
 * (else {@code $default}; neither: {@code Forbidden}), the route's API key, throttles and quota
 * ({@link RouteAdmission}, in the order the connection's messages came), its request validation
 * ({@link RequestModels}), then its integration. A two-way route sends the integration's answer back; a message that is refused or whose integration
 * fails gets AWS's error frame, {@code {"message": ..., "connectionId": ..., "requestId": ...}}.
 * Each message has its {@link RequestLog}, completed once with what it came to (metrics, access logs).
 */
final class MessageFlow {
  private final RouteCall calls;
  private final EventLogs events;

  MessageFlow(RouteCall calls, EventLogs events) {
    this.calls = calls;
    this.events = events;
  }

  /** Handles one text message on the connection's event loop; completes when its answer (if any) is on its way. */
  Future<Void> run(WebSocketStage stage, WebSocketConnection connection, String text, int bytes) {
    long started = System.nanoTime();
    long now = System.currentTimeMillis();
    JsonNode json = parse(text);
    WebSocketRoute route = stage.select(json);
    String requestId = RequestIds.next();
    String extendedId = RequestIds.extended();
    String routeKey = route == null ? null : route.routeKey();
    String messageId = RequestIds.extended();
    RequestLog log = events.start(started, stage, connection, requestId, extendedId, now, routeKey, "MESSAGE", messageId);
    log.addRequestBytes(bytes);
    WebSocketEvents.Request request = new WebSocketEvents.Request(requestId, extendedId, now,
        RequestContext.requestTime(now), routeKey, "MESSAGE", messageId, log);
    Future<RouteCall.Answer> answer = route == null ? Future.failedFuture(Refusal.noRoute())
        : serve(route, new RouteEvent(stage, connection, request, text, json, null, null));
    return answer.transform(ar -> {
      if (ar.failed()) {
        Refusal refusal = ar.cause() instanceof Refusal r ? r : Refusal.internalError();
        String frame = errorFrame(refusal.getMessage(), connection, requestId);
        connection.send(frame);
        log.errorType(refusal.responseType());
        events.complete(log, refusal.status(), frame.length());
      } else if (ar.result() != null && ar.result().reply() != null) {
        connection.send(Unpooled.wrappedBuffer(ar.result().reply().getBytes()), ar.result().binary());
        events.complete(log, 200, ar.result().reply().length());
      } else {
        events.complete(log, 200, 0);
      }
      return Future.succeededFuture();
    });
  }

  private Future<RouteCall.Answer> serve(WebSocketRoute route, RouteEvent event) {
    WebSocketConnection c = event.connection();
    return c.inTurn(() -> RouteAdmission.admit(route, event.stage(), c))
        .compose(key -> {
          event.apiKey(key);
          return route.integration() == null ? Future.failedFuture(Refusal.internalError()) : route.models().check(event);
        })
        .compose(valid -> calls.run(route.integration(), event,
            () -> WebSocketEvents.message(c, event.stage(), event.request(), event.body())))
        .map(answer -> route.twoWay() ? answer : null);
  }

  /** AWS's error frame: the message, the connection and the request. */
  static String errorFrame(String message, WebSocketConnection connection, String requestId) {
    return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connection.connectionId()
        + "\", \"requestId\":\"" + requestId + "\"}";
  }

  private static JsonNode parse(String text) {
    if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "MessageFlow(" + calls + ")";
  }
}
