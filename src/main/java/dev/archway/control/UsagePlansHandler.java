package dev.archway.control;

import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.QuotaSettings;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlan.ApiStage;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.traffic.QuotaCounters;
import dev.archway.traffic.QuotaWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CreateUsagePlan, GetUsagePlan, GetUsagePlans, UpdateUsagePlan, DeleteUsagePlan. */
final class UsagePlansHandler {
  private final Store store;
  private final QuotaCounters counters;
  private final Clock clock;

  UsagePlansHandler(Store store, QuotaCounters counters, Clock clock) {
    this.store = store;
    this.counters = counters;
    this.clock = clock;
  }

  record CreateRequest(
      String name, String description, List<ApiStage> apiStages, ThrottleSettings throttle, QuotaSettings quota,
      Map<String, String> tags) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    UsagePlan created = store.write(docs -> {
      String id = Ids.shortId();
      while (docs.scopeOf(Kind.USAGE_PLAN, id).isPresent()) {
        id = Ids.shortId();
      }
      UsagePlan plan = UsagePlanRules.validate(docs, call.caller(), new UsagePlan(id, req.name(), req.description(),
          req.apiStages(), req.throttle(), req.quota(), null, req.tags() == null || req.tags().isEmpty() ? null : req.tags()));
      docs.put(Kind.USAGE_PLAN, call.caller().scope(), id, plan);
      return plan;
    });
    recordOffset(created, null);
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId")));
  }

  Object list(Call call) {
    String keyId = call.query("keyId");
    List<UsagePlan> plans = store.read(docs -> docs.list(Kind.USAGE_PLAN, call.caller().scope()).stream()
        .filter(p -> keyId == null || docs.get(Kind.USAGE_PLAN_KEY, p.id(), keyId).isPresent())
        .toList());
    return Paging.of(plans, call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    List<PatchOperation> ops = PatchOperation.listFrom(call.body());
    UsagePlan[] before = new UsagePlan[1];
    UsagePlan updated = store.write(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      before[0] = plan;
      UsagePlan patched = UsagePlanRules.validate(docs, call.caller(), UsagePlanPatch.apply(docs, call.caller(), plan, ops));
      UsagePlan kept = new UsagePlan(plan.id(), patched.name(), patched.description(), patched.apiStages(),
          patched.throttle(), patched.quota(), patched.productCode(), plan.tags());
      if (!Objects.equals(plan.apiStages(), kept.apiStages())) {
        UsagePlanRules.requireOnePlanPerStage(docs, call.caller(), kept);
      }
      docs.put(Kind.USAGE_PLAN, call.caller().scope(), plan.id(), kept);
      return kept;
    });
    recordOffset(updated, before[0].quota());
    return updated;
  }

  Object delete(Call call) {
    String id = store.write(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      docs.delete(Kind.USAGE_PLAN, call.caller().scope(), plan.id());
      docs.deleteScope(plan.id());
      return plan.id();
    });
    counters.forgetPlan(id);
    return null;
  }

  /**
   * The quota's offset is taken from the limit in the window in which it was set: recorded as a
   * grant of minus the offset to every key for that window. Setting another offset replaces it.
   */
  private void recordOffset(UsagePlan plan, QuotaSettings previous) {
    QuotaSettings quota = plan.quota();
    if (quota == null || Objects.equals(quota, previous)) {
      return;
    }
    QuotaWindow window = QuotaWindow.of(QuotaWindow.period(quota.period()), LocalDate.now(clock));
    counters.setGrant(plan.id(), QuotaCounters.EVERY_KEY, window.start(), -quota.offset());
  }
}
