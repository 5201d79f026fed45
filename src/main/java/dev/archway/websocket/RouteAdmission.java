package dev.archway.websocket;

import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaMeter;

/**
 * What a route asks of an event before its integration runs, in AWS's order: when the route has
 * {@code apiKeyRequired}, an API key of a usage plan of the stage (the one the handshake presented
 * where the API's {@code apiKeySelectionExpression} reads it; else 403 Forbidden); then the
 * throttles (the plan's for that key, the route's, the account's: 429 Too Many Requests); then the
 * plan's quota (429 Limit Exceeded). Runs on the connection's event loop; takes no lock.
 */
final class RouteAdmission {
  private RouteAdmission() {}

  /**
   * @return the admitted API key, or null when the route requires none
   * @throws Refusal saying why the event is refused
   */
  static PlanKey admit(WebSocketRoute route, WebSocketStage stage, WebSocketConnection connection) {
    PlanKey key = null;
    if (route.apiKeyRequired()) {
      key = stage.apiKeys() == null ? null : stage.apiKeys().find(connection.apiKey());
      if (key == null) {
        throw Refusal.invalidApiKey();
      }
    }
    if (route.throttle() != null && !route.throttle().tryAcquire(key)) {
      throw Refusal.throttled();
    }
    QuotaMeter quota = key == null ? null : key.quota();
    if (quota != null && !quota.tryConsume()) {
      throw Refusal.quotaExceeded();
    }
    return key;
  }
}
