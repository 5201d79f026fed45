package dev.archway.traffic;

import java.util.Map;

/**
 * An API key as one API stage accepts it: enabled, and in the usage plan that covers the stage.
 * Carries what the plan enforces for this key, resolved when the snapshot was built: the plan's
 * throttle (null: none), the per-method throttles of this stage keyed {@code "/pets/GET"}, and
 * the quota meter (null: no quota).
 */
public record PlanKey(
    String keyId, String planId, RateLimiter planLimit, Map<String, RateLimiter> methodLimits, QuotaMeter quota) {

  public PlanKey {
    methodLimits = Map.copyOf(methodLimits);
  }

  /** The plan's limit for this method: its per-method throttle, else the plan's throttle, else null. */
  public RateLimiter limitFor(String methodKey) {
    RateLimiter method = methodLimits.get(methodKey);
    return method != null ? method : planLimit;
  }

  @Override
  public String toString() {
    return "PlanKey(key " + keyId + ", plan " + planId + ")";
  }
}
