package dev.archway.websocket;

import dev.archway.observe.RouteTelemetry;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import dev.archway.runtime.WebSocketEvent;

/**
 * One {@link RequestLog} per WebSocket event — {@code $connect}, each message, {@code $disconnect}
 * — completed once when the event is done, for the metrics and access logs of WebSocket APIs, as
 * the front door does for HTTP requests.
 */
final class EventLogs {
  /** Nothing is logged (tests of the WebSocket runtime alone). */
  static final EventLogs NONE = new EventLogs(RequestLogSink.NONE);

  private final RequestLogSink sink;

  EventLogs(RequestLogSink sink) {
    this.sink = sink;
  }

  /**
   * The log of an event that starts now ({@code startNanos}) under the route {@code routeKey} (null:
   * no route took the message).
   */
  RequestLog start(long startNanos, WebSocketStage stage, WebSocketConnection connection, String requestId,
      String extendedRequestId, long epochMillis, String routeKey, String eventType, String messageId) {
    RequestLog log = new RequestLog(startNanos);
    log.webSocketEvent(new WebSocketEvent(connection.connectionId(), eventType, messageId, connection.connectedAt()));
    log.context(new RequestContext(requestId, extendedRequestId, epochMillis, stage.apiId(), stage.stageName(),
        stage.deploymentId(), connection.domainName(), "/" + stage.stageName(), null, null, routeKey,
        eventType.equals("CONNECT") ? "GET" : null,
        "HTTP/1.1", connection.sourceIp(), connection.userAgent(), RequestIds.trace(null, epochMillis), 0, null));
    RouteTelemetry route = stage.telemetry().webSocketRoute(routeKey);
    log.telemetry(route != null ? route : stage.telemetry().unrouted());
    return log;
  }

  /** The event is done: {@code status} is what it came to, {@code sentBytes} what went back to the client. */
  void complete(RequestLog log, int status, long sentBytes) {
    if (log != null) {
      log.complete(status, sentBytes, sink);
    }
  }
}
