package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.ApiStage;
import dev.archway.delivery.Declaration.UsagePlan;
import dev.archway.model.Json;
import dev.archway.model.ThrottleSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UpdateUsagePlan patch operations that bring a plan to what a file declares, and what they change
 * in words: description, throttle, quota, and the plan's stages of this file's API with their
 * per-method throttles (stages of other APIs stay as they are). A throttle or quota that differs is
 * removed and written again, so a member the file leaves out does not stay behind.
 */
record UsagePlanPatch(ArrayNode ops, List<String> said) {
  static UsagePlanPatch of(JsonNode current, String apiId, UsagePlan wanted) {
    ArrayNode ops = Json.MAPPER.createArrayNode();
    List<String> said = new ArrayList<>();
    String description = wanted.description() == null ? "" : wanted.description();
    if (!description.equals(current.path("description").asText(""))) {
      said.add("description");
      Patches.op(ops, "replace", "/description", description);
    }
    whole(ops, said, "throttle", current.get("throttle"), wanted.throttle());
    whole(ops, said, "quota", current.get("quota"), wanted.quota());
    stages(ops, said, current, apiId, wanted.apiStages());
    return new UsagePlanPatch(ops, said);
  }

  /** CreateUsagePlan's body for a plan named {@code name}. */
  static ObjectNode create(String name, String apiId, UsagePlan wanted) {
    ObjectNode body = ManagementClient.body().put("name", name);
    if (wanted.description() != null) {
      body.put("description", wanted.description());
    }
    if (wanted.throttle() != null) {
      body.set("throttle", Json.MAPPER.valueToTree(wanted.throttle()));
    }
    if (wanted.quota() != null) {
      body.set("quota", Json.MAPPER.valueToTree(wanted.quota()));
    }
    ArrayNode stages = body.putArray("apiStages");
    for (ApiStage stage : wanted.apiStages()) {
      ObjectNode apiStage = stages.addObject().put("apiId", apiId).put("stage", stage.stage());
      if (stage.throttle() != null && !stage.throttle().isEmpty()) {
        apiStage.set("throttle", Json.MAPPER.valueToTree(stage.throttle()));
      }
    }
    return body;
  }

  private static void whole(ArrayNode ops, List<String> said, String member, JsonNode current, Object wanted) {
    ObjectNode want = wanted == null ? null : Json.MAPPER.valueToTree(wanted);
    if (want != null && want.isEmpty()) {
      want = null;
    }
    if (Definitions.same(withoutZeroOffset(want), withoutZeroOffset(current))) {
      return;
    }
    said.add(member);
    if (current != null) {
      Patches.op(ops, "remove", "/" + member, null);
    }
    if (want != null) {
      want.fields().forEachRemaining(f -> Patches.op(ops, "replace", "/" + member + "/" + f.getKey(), f.getValue().asText()));
    }
  }

  /** A quota's offset 0 is the same as none. */
  private static JsonNode withoutZeroOffset(JsonNode value) {
    if (value == null || value.path("offset").asInt(-1) != 0) {
      return value;
    }
    ObjectNode copy = value.deepCopy();
    copy.remove("offset");
    return copy;
  }

  private static void stages(ArrayNode ops, List<String> said, JsonNode current, String apiId, List<ApiStage> wanted) {
    Map<String, JsonNode> have = new LinkedHashMap<>();
    current.path("apiStages").forEach(s -> {
      if (apiId.equals(s.path("apiId").asText())) {
        have.put(s.path("stage").asText(), s);
      }
    });
    List<String> added = new ArrayList<>();
    List<String> throttled = new ArrayList<>();
    for (ApiStage stage : wanted) {
      String key = apiId + ":" + stage.stage();
      if (!have.containsKey(stage.stage())) {
        added.add(stage.stage());
        Patches.op(ops, "add", "/apiStages", key);
      }
      JsonNode haveThrottle = have.containsKey(stage.stage()) ? have.get(stage.stage()).get("throttle") : null;
      Map<String, ThrottleSettings> want = stage.throttle() == null ? Map.of() : stage.throttle();
      if (Definitions.same(want.isEmpty() ? null : Json.MAPPER.valueToTree(want), haveThrottle == null || haveThrottle.isEmpty() ? null : haveThrottle)) {
        continue;
      }
      throttled.add(stage.stage());
      if (haveThrottle != null && !haveThrottle.isEmpty()) {
        Patches.op(ops, "remove", "/apiStages/" + key + "/throttle", null);
      }
      want.forEach((method, limits) -> {
        String path = "/apiStages/" + key + "/throttle/" + method(method);
        if (limits.burstLimit() != null) {
          Patches.op(ops, "replace", path + "/burstLimit", String.valueOf(limits.burstLimit()));
        }
        if (limits.rateLimit() != null) {
          Patches.op(ops, "replace", path + "/rateLimit", String.valueOf(limits.rateLimit()));
        }
      });
    }
    List<String> removed = new ArrayList<>(have.keySet());
    removed.removeAll(wanted.stream().map(ApiStage::stage).toList());
    removed.forEach(stage -> Patches.op(ops, "remove", "/apiStages", apiId + ":" + stage));
    if (!added.isEmpty() || !removed.isEmpty()) {
      said.add("stages (" + Patches.words("add", added, removed) + ")");
    }
    if (!throttled.isEmpty()) {
      said.add("method throttles of " + String.join(", ", throttled));
    }
  }

  /** {@code /pets/GET} as a patch path: {@code ~1pets/GET}. */
  private static String method(String key) {
    int slash = key.lastIndexOf('/');
    String resource = slash <= 0 ? "/" : key.substring(0, slash);
    return resource.replace("~", "~0").replace("/", "~1") + "/" + key.substring(slash + 1);
  }

  boolean isEmpty() {
    return said.isEmpty();
  }

  String summary() {
    return String.join(", ", said);
  }
}
