package dev.archway.traffic;

import java.util.HashMap;
import java.util.Map;

/**
 * What API keys and usage plans allow, as of one moment: for each API stage, the keys it accepts
 * by the SHA-256 (hex) of their value, and for each API the account's throttle. Immutable; built
 * off the event loop when keys, plans or the account change, read by the steps without a lock.
 */
public final class AccessRules {
  public static final AccessRules EMPTY = new AccessRules(Map.of(), Map.of());

  private final Map<String, Map<String, PlanKey>> keysByStage;
  private final Map<String, RateLimiter> accountLimits;

  /**
   * @param keysByStage by {@link #stageKey}, then by value digest
   * @param accountLimits the account throttle of each API id (the account and region it belongs to)
   */
  public AccessRules(Map<String, Map<String, PlanKey>> keysByStage, Map<String, RateLimiter> accountLimits) {
    Map<String, Map<String, PlanKey>> copy = new HashMap<>();
    keysByStage.forEach((stage, keys) -> copy.put(stage, Map.copyOf(keys)));
    this.keysByStage = Map.copyOf(copy);
    this.accountLimits = Map.copyOf(accountLimits);
  }

  /** The key id of {@link #key}'s first argument: {@code apiId/stageName}, computed once at compile time. */
  public static String stageKey(String apiId, String stageName) {
    return apiId + "/" + stageName;
  }

  /** The key with this value digest that this stage accepts, or null (unknown, disabled, or in no plan of the stage). */
  public PlanKey key(String stageKey, String digest) {
    Map<String, PlanKey> keys = keysByStage.get(stageKey);
    return keys == null ? null : keys.get(digest);
  }

  /** The account-level throttle over this API, or null when none is known (the API was just created). */
  public RateLimiter accountLimit(String apiId) {
    return accountLimits.get(apiId);
  }

  @Override
  public String toString() {
    return "AccessRules(" + keysByStage.size() + " stages with keys, " + accountLimits.size() + " apis)";
  }
}
