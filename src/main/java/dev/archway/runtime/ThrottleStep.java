package dev.archway.runtime;

import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.RateLimiter;
import io.vertx.core.Future;

/**
 * Throttling in AWS's order: the usage plan's limit for the caller's key (its per-method throttle,
 * else the plan's), then the stage's limit for this method (its method settings, else
 * {@code *}{@code /*}), then the account's. The first empty bucket answers 429 Too Many Requests.
 * One lock-free token per level; nothing allocated on the way through.
 */
public final class ThrottleStep implements Step {
  private static final Future<Void> THROTTLED = Future.failedFuture(new GatewayResponse.Throttled().failure());

  private final LiveAccess access;
  private final String apiId;
  private final String methodKey;
  private final RateLimiter stageLimit;

  /**
   * @param methodKey the method as usage plans name it, {@code "/pets/GET"}
   * @param stageLimit the stage's limit for this method, or null when the stage sets none
   */
  public ThrottleStep(LiveAccess access, String apiId, String methodKey, RateLimiter stageLimit) {
    this.access = access;
    this.apiId = apiId;
    this.methodKey = methodKey;
    this.stageLimit = stageLimit;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    PlanKey key = exchange.apiKey();
    RateLimiter plan = key == null ? null : key.limitFor(methodKey);
    if (plan != null && !plan.tryAcquire()) {
      return THROTTLED;
    }
    if (stageLimit != null && !stageLimit.tryAcquire()) {
      return THROTTLED;
    }
    RateLimiter account = access.current().accountLimit(apiId);
    if (account != null && !account.tryAcquire()) {
      return THROTTLED;
    }
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "Throttle(" + methodKey + (stageLimit == null ? "" : ", stage " + stageLimit) + ")";
  }
}
