package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.model.ApiKey;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlanKey;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;

/** CreateUsagePlanKey, GetUsagePlanKey, GetUsagePlanKeys, DeleteUsagePlanKey. */
final class UsagePlanKeysHandler {
  static final String API_KEY = "API_KEY";

  private final Store store;

  UsagePlanKeysHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String keyId, String keyType) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (!API_KEY.equals(req.keyType())) {
      throw ApiException.badRequest("Invalid key type specified: " + req.keyType() + " (expected: API_KEY)");
    }
    return store.write(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      ApiKey key = ApiKeysHandler.key(docs, call.caller(), req.keyId());
      if (docs.get(Kind.USAGE_PLAN_KEY, plan.id(), key.id()).isPresent()) {
        throw ApiException.conflict("Usage Plan " + plan.id() + " already contains API Key " + key.id());
      }
      return attach(docs, call.caller(), plan, key);
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      return view(docs, call.caller(), member(docs, plan, call.label("keyId")));
    });
  }

  Object list(Call call) {
    String name = call.query("name");
    List<UsagePlanKey> keys = store.read(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      return docs.list(Kind.USAGE_PLAN_KEY, plan.id()).stream().map(k -> view(docs, call.caller(), k))
          .filter(k -> name == null || (k.name() != null && k.name().startsWith(name)))
          .toList();
    });
    return Paging.of(keys, call.query("position"), call.query("limit"));
  }

  Object delete(Call call) {
    return store.write(docs -> {
      UsagePlan plan = UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId"));
      docs.delete(Kind.USAGE_PLAN_KEY, plan.id(), member(docs, plan, call.label("keyId")).id());
      return null;
    });
  }

  /** Adds a key to a plan (CreateUsagePlanKey, ImportApiKeys); an existing membership is left as it is. */
  static UsagePlanKey attach(Documents docs, Caller caller, UsagePlan plan, ApiKey key) {
    UsagePlanRules.requireOnePlanPerStage(docs, caller, key.id(), plan);
    UsagePlanKey member = new UsagePlanKey(key.id(), API_KEY, null, null);
    docs.put(Kind.USAGE_PLAN_KEY, plan.id(), key.id(), member);
    return new UsagePlanKey(key.id(), API_KEY, key.value(), key.name());
  }

  static UsagePlanKey member(Documents docs, UsagePlan plan, String keyId) {
    return docs.get(Kind.USAGE_PLAN_KEY, plan.id(), keyId)
        .orElseThrow(() -> ApiException.notFound("Invalid Usage Plan Key identifier specified"));
  }

  private static UsagePlanKey view(Documents docs, Caller caller, UsagePlanKey member) {
    return docs.get(Kind.API_KEY, caller.scope(), member.id())
        .map(k -> new UsagePlanKey(k.id(), member.type(), k.value(), k.name()))
        .orElse(member);
  }
}
