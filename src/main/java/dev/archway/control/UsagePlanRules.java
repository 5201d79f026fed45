package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.model.QuotaSettings;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlan.ApiStage;
import dev.archway.model.UsagePlanKey;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.V2Kinds;
import dev.archway.traffic.QuotaWindow;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a usage plan valid: its stages exist, its limits are sane, and no key meets a stage twice. */
final class UsagePlanRules {
  private static final String METHOD_KEY = "/.*/(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY|\\*)";

  private UsagePlanRules() {}

  static UsagePlan plan(Documents docs, Caller caller, String id) {
    return docs.get(Kind.USAGE_PLAN, caller.scope(), id)
        .orElseThrow(() -> ApiException.notFound("Invalid Usage Plan ID specified"));
  }

  /** Checks the whole plan; returns it with the quota's offset defaulted to 0, as AWS shows it. */
  static UsagePlan validate(Documents docs, Caller caller, UsagePlan plan) {
    if (plan.name() == null || plan.name().isBlank()) {
      throw ApiException.badRequest("Invalid Usage Plan name specified");
    }
    Set<String> seen = new HashSet<>();
    for (ApiStage stage : plan.apiStages() == null ? List.<ApiStage>of() : plan.apiStages()) {
      if (!seen.add(stage.key())) {
        throw ApiException.badRequest("Duplicate API Stage " + stage.key() + " in usage plan");
      }
      requireStage(docs, caller, stage.apiId(), stage.stage());
      for (Map.Entry<String, ThrottleSettings> method : stage.throttle() == null ? Map.<String, ThrottleSettings>of().entrySet() : stage.throttle().entrySet()) {
        if (!method.getKey().matches(METHOD_KEY)) {
          throw ApiException.badRequest("Invalid method throttle key: " + method.getKey() + " (expected: /{resourcePath}/{httpMethod})");
        }
        checkThrottle(method.getValue(), "method " + method.getKey() + " of " + stage.key());
      }
    }
    checkThrottle(plan.throttle(), "usage plan");
    return new UsagePlan(plan.id(), plan.name(), plan.description(), plan.apiStages() == null ? List.of() : plan.apiStages(),
        plan.throttle(), quota(plan.quota()), plan.productCode(), plan.tags());
  }

  /** A stage of a REST API or of a WebSocket API (AWS's usage plans cover both; HTTP APIs have none). */
  static void requireStage(Documents docs, Caller caller, String apiId, String stage) {
    boolean exists = apiId != null && stage != null
        && (docs.get(Kind.REST_API, caller.scope(), apiId).isPresent() && docs.get(Kind.STAGE, apiId, stage).isPresent()
            || docs.get(V2Kinds.API, caller.scope(), apiId).filter(api -> !api.isHttp()).isPresent()
                && docs.get(V2Kinds.STAGE, apiId, stage).isPresent());
    if (!exists) {
      throw ApiException.notFound("API Stage not found: " + apiId + ":" + stage);
    }
  }

  /**
   * AWS refuses to let one key reach an API stage through two plans, since it could not tell
   * which plan's limits apply: adding the key to {@code plan}, or a stage to a plan that has the
   * key, must not create such a pair.
   */
  static void requireOnePlanPerStage(Documents docs, Caller caller, String keyId, UsagePlan plan) {
    for (UsagePlan other : docs.list(Kind.USAGE_PLAN, caller.scope())) {
      if (other.id().equals(plan.id()) || docs.get(Kind.USAGE_PLAN_KEY, other.id(), keyId).isEmpty()) {
        continue;
      }
      for (ApiStage stage : plan.apiStages() == null ? List.<ApiStage>of() : plan.apiStages()) {
        if (other.covers(stage.apiId(), stage.stage())) {
          throw ApiException.badRequest("Usage Plan " + plan.id() + " cannot be added because API Key " + keyId
              + " cannot reference multiple Usage Plans with the same API Stage: " + stage.key());
        }
      }
    }
  }

  /** The rule above for every key of a plan whose stages changed. */
  static void requireOnePlanPerStage(Documents docs, Caller caller, UsagePlan plan) {
    for (UsagePlanKey key : docs.list(Kind.USAGE_PLAN_KEY, plan.id())) {
      requireOnePlanPerStage(docs, caller, key.id(), plan);
    }
  }

  private static void checkThrottle(ThrottleSettings throttle, String where) {
    if (throttle == null) {
      return;
    }
    if (throttle.burstLimit() != null && throttle.burstLimit() < 0) {
      throw ApiException.badRequest("Throttle burstLimit of " + where + ": " + throttle.burstLimit() + " (expected: >= 0)");
    }
    Double rate = throttle.rateLimit();
    if (rate != null && (rate.isNaN() || rate < 0)) {
      throw ApiException.badRequest("Throttle rateLimit of " + where + ": " + rate + " (expected: >= 0)");
    }
  }

  private static QuotaSettings quota(QuotaSettings quota) {
    if (quota == null) {
      return null;
    }
    if (QuotaWindow.period(quota.period()) == null) {
      throw ApiException.badRequest("Invalid quota period: " + quota.period() + " (expected: DAY, WEEK or MONTH)");
    }
    if (quota.limit() == null || quota.limit() <= 0) {
      throw ApiException.badRequest("Quota limit: " + quota.limit() + " (expected: > 0)");
    }
    int offset = quota.offset() == null ? 0 : quota.offset();
    if (offset < 0 || offset >= quota.limit()) {
      throw ApiException.badRequest("Quota offset: " + offset + " (expected: 0.." + (quota.limit() - 1) + ")");
    }
    return new QuotaSettings(quota.limit(), offset, QuotaWindow.period(quota.period()).name());
  }
}
