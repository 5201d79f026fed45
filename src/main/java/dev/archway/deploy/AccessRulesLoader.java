package dev.archway.deploy;

import dev.archway.auth.ApiKeyValues;
import dev.archway.model.ApiKey;
import dev.archway.model.RestApi;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlanKey;
import dev.archway.model.v2.HttpApi;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.QuotaMeter;
import dev.archway.traffic.RateLimiter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads API keys, usage plans and plan keys from the store and resolves them into
 * {@link AccessRules}: each enabled key of a plan under the digest of its value, for every stage
 * of the plan, with its buckets and quota meter found by name; each API with its account's bucket
 * (the account throttle is a server setting).
 * Blocks (the store, the ledger): worker threads only.
 */
final class AccessRulesLoader {
  private final Store store;
  private final Buckets buckets;
  private final QuotaLedger ledger;
  /** The account-level limit of every account: a server setting, as it is a service quota on AWS. */
  private final ThrottleSettings accountThrottle;

  AccessRulesLoader(Store store, Buckets buckets, QuotaLedger ledger, ThrottleSettings accountThrottle) {
    this.store = store;
    this.buckets = buckets;
    this.ledger = ledger;
    this.accountThrottle = accountThrottle;
  }

  private record PlanKeys(UsagePlan plan, List<ApiKey> keys) {}

  private record Loaded(Map<String, String> apiScopes, List<PlanKeys> plans) {}

  /** Worker thread: reads keys, plans and APIs, and resolves them into buckets and meters. */
  AccessRules load() {
    Loaded loaded = store.read(docs -> {
      Map<String, String> apiScopes = new HashMap<>();
      for (RestApi api : docs.listAll(Kind.REST_API)) {
        docs.scopeOf(Kind.REST_API, api.id()).ifPresent(scope -> apiScopes.put(api.id(), scope));
      }
      // AWS's account throttle covers the REST, HTTP and WebSocket APIs of an account and region together.
      for (HttpApi api : docs.listAll(V2Kinds.API)) {
        docs.scopeOf(V2Kinds.API, api.apiId()).ifPresent(scope -> apiScopes.put(api.apiId(), scope));
      }
      List<PlanKeys> plans = new ArrayList<>();
      for (UsagePlan plan : docs.listAll(Kind.USAGE_PLAN)) {
        String scope = docs.scopeOf(Kind.USAGE_PLAN, plan.id()).orElse(null);
        List<ApiKey> keys = new ArrayList<>();
        for (UsagePlanKey member : scope == null ? List.<UsagePlanKey>of() : docs.list(Kind.USAGE_PLAN_KEY, plan.id())) {
          docs.get(Kind.API_KEY, scope, member.id()).ifPresent(keys::add);
        }
        plans.add(new PlanKeys(plan, keys));
      }
      return new Loaded(apiScopes, plans);
    });
    Set<String> liveBuckets = new HashSet<>();
    Map<String, RateLimiter> accountLimits = new HashMap<>();
    loaded.apiScopes().forEach((apiId, scope) -> {
      RateLimiter limit = bucket("account/" + scope, accountThrottle, liveBuckets);
      if (limit != null) {
        accountLimits.put(apiId, limit);
      }
    });
    Set<String> liveMeters = new HashSet<>();
    Map<String, Map<String, PlanKey>> keysByStage = new HashMap<>();
    for (PlanKeys entry : loaded.plans()) {
      UsagePlan plan = entry.plan();
      for (ApiKey key : entry.keys()) {
        // A disabled key is refused like an unknown one: both are 403 Forbidden.
        if (!Boolean.TRUE.equals(key.enabled()) || key.value() == null) {
          continue;
        }
        String digest = ApiKeyValues.sha256(key.value());
        String prefix = "plan/" + plan.id() + "/" + key.id();
        RateLimiter planLimit = bucket(prefix, plan.throttle(), liveBuckets);
        QuotaMeter quota = ledger.meter(plan.id(), key.id(), plan.quota());
        if (quota != null) {
          liveMeters.add(plan.id() + "/" + key.id());
        }
        for (UsagePlan.ApiStage stage : plan.apiStages() == null ? List.<UsagePlan.ApiStage>of() : plan.apiStages()) {
          Map<String, RateLimiter> methodLimits = new HashMap<>();
          if (stage.throttle() != null) {
            stage.throttle().forEach((method, limit) -> {
              RateLimiter bucket = bucket(prefix + "/" + stage.key() + "/" + method, limit, liveBuckets);
              if (bucket != null) {
                methodLimits.put(method, bucket);
              }
            });
          }
          keysByStage.computeIfAbsent(AccessRules.stageKey(stage.apiId(), stage.stage()), s -> new HashMap<>())
              .put(digest, new PlanKey(key.id(), plan.id(), planLimit, methodLimits, quota));
        }
      }
    }
    buckets.retain("plan/", liveBuckets);
    buckets.retain("account/", liveBuckets);
    ledger.retain(liveMeters);
    return new AccessRules(keysByStage, accountLimits);
  }

  /** A limit needs both numbers; one without the other limits nothing. */
  private RateLimiter bucket(String id, ThrottleSettings limit, Set<String> live) {
    if (limit == null || limit.rateLimit() == null || limit.burstLimit() == null) {
      return null;
    }
    live.add(id);
    return buckets.bucket(id, limit.rateLimit(), limit.burstLimit());
  }

}
