package dev.archway.websocket;

import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.RateLimiter;

/**
 * Throttling of one WebSocket route in AWS's order: the route's limit ({@code routeSettings} over
 * {@code defaultRouteSettings}), then the account's, shared with every REST and HTTP API of the
 * account and region. A message or connection refused by the first level takes no token from the second.
 */
public record WebSocketThrottle(String apiId, RateLimiter routeLimit, LiveAccess access) {

  /** Takes one token at each level; false when one of them is empty. */
  public boolean tryAcquire() {
    if (routeLimit != null && !routeLimit.tryAcquire()) {
      return false;
    }
    RateLimiter account = access.current().accountLimit(apiId);
    return account == null || account.tryAcquire();
  }

  @Override
  public String toString() {
    return "throttle(" + (routeLimit == null ? "account only" : routeLimit + ", then account") + ")";
  }
}
