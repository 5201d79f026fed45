package dev.archway.websocket;

import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaMeter;
import io.vertx.core.Future;

/**
 * What a route asks of an event before its integration runs, in AWS's order: when the route has
 * {@code apiKeyRequired}, an API key of a usage plan of the stage (the one the handshake presented
 * where the API's {@code apiKeySelectionExpression} reads it; else 403 Forbidden); then the
 * throttles (the plan's for that key, the route's, the account's: 429 Too Many Requests); then the
 * plan's quota (429 Limit Exceeded), counted as a REST request's is ({@link QuotaMeter#consume()}:
 * in memory, or one round trip to the counters the nodes share). Runs on the connection's event
 * loop; takes no lock and never waits.
 */
final class RouteAdmission {
  private RouteAdmission() {}

  /** The admitted API key (null when the route requires none), or a {@link Refusal} saying why the event is refused. */
  static Future<PlanKey> admit(WebSocketRoute route, WebSocketStage stage, WebSocketConnection connection) {
    PlanKey key = null;
    if (route.apiKeyRequired()) {
      key = stage.apiKeys() == null ? null : stage.apiKeys().find(connection.apiKey());
      if (key == null) {
        return Future.failedFuture(Refusal.invalidApiKey());
      }
    }
    if (route.throttle() != null && !route.throttle().tryAcquire(key)) {
      return Future.failedFuture(Refusal.throttled());
    }
    QuotaMeter quota = key == null ? null : key.quota();
    if (quota == null) {
      return Future.succeededFuture(key);
    }
    PlanKey admitted = key;
    return quota.consume().compose(ok -> ok ? Future.succeededFuture(admitted) : Future.failedFuture(Refusal.quotaExceeded()));
  }
}
