package dev.archway.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.PatchOperations;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.Json;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlan.ApiStage;
import dev.archway.store.Documents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateUsagePlan's patch dialect. Plain members go through {@link PatchRules}; AWS's own paths
 * are handled here: {@code /apiStages} (value {@code apiId:stage}), per-method throttles
 * {@code /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{httpMethod}/rateLimit|burstLimit},
 * and removing {@code /throttle}, {@code /quota} or a stage's {@code /throttle} whole.
 */
final class UsagePlanPatch {
  private static final PatchRules RULES = PatchRules.builder()
      .requiredString("name").string("description").string("productCode")
      .integer("throttle/burstLimit").number("throttle/rateLimit")
      .integer("quota/limit").string("quota/period").integer("quota/offset")
      .build();

  private UsagePlanPatch() {}

  static UsagePlan apply(Documents docs, Caller caller, UsagePlan plan, List<PatchOperation> ops) {
    UsagePlan current = plan;
    for (PatchOperation op : ops) {
      String path = op.path() == null ? "" : op.path();
      if (path.equals("/apiStages")) {
        current = stages(docs, caller, current, op);
      } else if (path.startsWith("/apiStages/")) {
        current = methodThrottle(current, op, path.substring("/apiStages/".length()));
      } else if ((path.equals("/throttle") || path.equals("/quota")) && "remove".equals(op.op())) {
        current = path.equals("/throttle") ? with(current, current.apiStages(), null, true) : withoutQuota(current);
      } else {
        current = read(PatchOperations.apply(Json.MAPPER.valueToTree(current), List.of(op), RULES));
      }
    }
    return current;
  }

  private static UsagePlan stages(Documents docs, Caller caller, UsagePlan plan, PatchOperation op) {
    String value = op.value() == null ? "" : op.value();
    int colon = value.indexOf(':');
    if (colon < 1 || colon == value.length() - 1) {
      throw ApiException.badRequest("Invalid API Stage specified");
    }
    String apiId = value.substring(0, colon);
    String stage = value.substring(colon + 1);
    List<ApiStage> stages = new ArrayList<>(plan.apiStages() == null ? List.of() : plan.apiStages());
    switch (op.op() == null ? "" : op.op()) {
      case "add" -> {
        UsagePlanRules.requireStage(docs, caller, apiId, stage);
        if (!plan.covers(apiId, stage)) {
          stages.add(new ApiStage(apiId, stage, null));
        }
      }
      case "remove" -> {
        if (!stages.removeIf(s -> s.apiId().equals(apiId) && s.stage().equals(stage))) {
          throw ApiException.notFound("Invalid API Stage {api: " + apiId + ", stage: " + stage + "} specified for usageplan " + plan.id());
        }
      }
      default -> throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [add, remove]");
    }
    return with(plan, stages, plan.throttle(), false);
  }

  /** {@code rest} is {@code apiId:stage/throttle[/{resourcePath...}/{httpMethod}/{rateLimit|burstLimit}]}. */
  private static UsagePlan methodThrottle(UsagePlan plan, PatchOperation op, String rest) {
    String[] parts = rest.split("/", -1);
    ApiStage stage = plan.apiStages() == null ? null : plan.apiStages().stream()
        .filter(s -> s.key().equals(parts[0])).findFirst().orElse(null);
    if (stage == null || parts.length < 2 || !parts[1].equals("throttle") || parts.length == 3 || parts.length == 4) {
      throw ApiException.badRequest("Invalid patch path " + op.path());
    }
    Map<String, ThrottleSettings> throttle = new LinkedHashMap<>(stage.throttle() == null ? Map.of() : stage.throttle());
    if (parts.length == 2) {
      if (!"remove".equals(op.op())) {
        throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [remove]");
      }
      throttle.clear();
    } else {
      String field = parts[parts.length - 1];
      String method = parts[parts.length - 2];
      String resource = String.join("/", List.of(parts).subList(2, parts.length - 2)).replace("~1", "/").replace("~0", "~");
      String key = (resource.startsWith("/") ? resource : "/" + resource) + "/" + method;
      ThrottleSettings old = throttle.getOrDefault(key, new ThrottleSettings(null, null));
      String value = "remove".equals(op.op()) ? null : required(op);
      ThrottleSettings updated = switch (field) {
        case "burstLimit" -> new ThrottleSettings(value == null ? null : (int) number(value, op.path()), old.rateLimit());
        case "rateLimit" -> new ThrottleSettings(old.burstLimit(), value == null ? null : number(value, op.path()));
        default -> throw ApiException.badRequest("Invalid patch path " + op.path());
      };
      if (updated.burstLimit() == null && updated.rateLimit() == null) {
        throttle.remove(key);
      } else {
        throttle.put(key, updated);
      }
    }
    List<ApiStage> stages = new ArrayList<>();
    for (ApiStage s : plan.apiStages()) {
      stages.add(s == stage ? new ApiStage(s.apiId(), s.stage(), throttle.isEmpty() ? null : throttle) : s);
    }
    return with(plan, stages, plan.throttle(), false);
  }

  private static String required(PatchOperation op) {
    if (op.value() == null) {
      throw ApiException.badRequest("Invalid patch value for path " + op.path() + ": missing (expected: a number)");
    }
    return op.value();
  }

  private static double number(String value, String path) {
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // one message below
    }
    throw ApiException.badRequest("Invalid patch value for path " + path + ": '" + value + "' (expected: a number)");
  }

  private static UsagePlan with(UsagePlan p, List<ApiStage> stages, ThrottleSettings throttle, boolean dropThrottle) {
    return new UsagePlan(p.id(), p.name(), p.description(), stages, dropThrottle ? null : throttle, p.quota(),
        p.productCode(), p.tags());
  }

  private static UsagePlan withoutQuota(UsagePlan p) {
    return new UsagePlan(p.id(), p.name(), p.description(), p.apiStages(), p.throttle(), null, p.productCode(), p.tags());
  }

  private static UsagePlan read(ObjectNode node) {
    try {
      return Json.MAPPER.treeToValue(node, UsagePlan.class);
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid patch value: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
