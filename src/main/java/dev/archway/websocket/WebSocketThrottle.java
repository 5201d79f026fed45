package dev.archway.websocket;

import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.RateLimiter;

/**
 * Throttling of one WebSocket route in AWS's order: the usage plan's limit for the caller's API key
 * when the route requires one, the route's limit ({@code routeSettings} over
 * {@code defaultRouteSettings}), then the account's, shared with every REST and HTTP API of the
 * account and region. A message or connection refused by one level takes no token from the next.
 */
public record WebSocketThrottle(String apiId, String routeKey, RateLimiter routeLimit, LiveAccess access) {

  /** Takes one token at each level; false when one of them is empty. @param key the admitted API key, or null */
  public boolean tryAcquire(PlanKey key) {
    RateLimiter plan = key == null ? null : key.limitFor(routeKey);
    if (plan != null && !plan.tryAcquire()) {
      return false;
    }
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
