package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.RestStage;
import dev.archway.model.Json;
import dev.archway.model.MethodSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The UpdateStage patch operations that bring a REST API stage to what its file declares, and what
 * they change in words. The file is the whole truth for what it names: a variable or method setting
 * it leaves out is removed, a description it leaves out is cleared, a setting left out of a method's
 * settings is AWS's default. When the stage is also deployed, the description and the variables to
 * set travel with CreateDeployment instead (one write: the new definition never serves with old variables).
 */
record RestStagePatch(ArrayNode ops, List<String> said) {
  /** Method-setting members and the UpdateStage path of each ({@code /{key}/{path}}). */
  private static final Map<String, String> SETTING_PATHS = Map.of(
      "metricsEnabled", "metrics/enabled", "loggingLevel", "logging/loglevel", "dataTraceEnabled", "logging/dataTrace",
      "throttlingBurstLimit", "throttling/burstLimit", "throttlingRateLimit", "throttling/rateLimit",
      "cachingEnabled", "caching/enabled", "cacheTtlInSeconds", "caching/ttlInSeconds",
      "cacheDataEncrypted", "caching/dataEncrypted",
      "requireAuthorizationForCacheControl", "caching/requireAuthorizationForCacheControl",
      "unauthorizedCacheControlHeaderStrategy", "caching/unauthorizedCacheControlHeaderStrategy");

  /** @param current the stage as GetStage answers it (an empty object: a stage CreateDeployment just made) */
  static RestStagePatch of(JsonNode current, RestStage wanted, boolean deploying) {
    ArrayNode ops = Json.MAPPER.createArrayNode();
    List<String> said = new ArrayList<>();
    String description = wanted.description() == null ? "" : wanted.description();
    if (!description.equals(current.path("description").asText(""))) {
      said.add("description");
      if (!deploying || wanted.description() == null) {
        Patches.op(ops, "replace", "/description", description);
      }
    }
    variables(ops, said, current.path("variables"), wanted.variables() == null ? Map.of() : wanted.variables(), deploying);
    methodSettings(ops, said, current.path("methodSettings"), wanted.methodSettings() == null ? Map.of() : wanted.methodSettings());
    return new RestStagePatch(ops, said);
  }

  private static void variables(ArrayNode ops, List<String> said, JsonNode current, Map<String, String> wanted, boolean deploying) {
    List<String> set = new ArrayList<>();
    wanted.forEach((name, value) -> {
      if (!value.equals(current.path(name).asText(null))) {
        set.add(name);
        if (!deploying) {
          Patches.op(ops, "replace", "/variables/" + name, value);
        }
      }
    });
    List<String> removed = new ArrayList<>();
    current.fieldNames().forEachRemaining(name -> {
      if (!wanted.containsKey(name)) {
        removed.add(name);
        Patches.op(ops, "remove", "/variables/" + name, null);
      }
    });
    if (!set.isEmpty() || !removed.isEmpty()) {
      said.add("variables (" + Patches.words(set, removed) + ")");
    }
  }

  private static void methodSettings(ArrayNode ops, List<String> said, JsonNode current, Map<String, MethodSetting> wanted) {
    List<String> set = new ArrayList<>();
    new TreeMap<>(wanted).forEach((key, setting) -> {
      ObjectNode want = filled(setting);
      JsonNode have = current.get(key);
      int before = ops.size();
      for (Map.Entry<String, String> path : new TreeMap<>(SETTING_PATHS).entrySet()) {
        JsonNode value = want.get(path.getKey());
        boolean declared = setting != null && Json.MAPPER.valueToTree(setting).has(path.getKey());
        if (have == null ? declared : !Definitions.same(value, have.get(path.getKey()))) {
          Patches.op(ops, "replace", "/" + key + "/" + path.getValue(), value.asText());
        }
      }
      if (have == null && ops.size() == before) {
        Patches.op(ops, "replace", "/" + key + "/metrics/enabled", want.get("metricsEnabled").asText()); // creates the defaults
      }
      if (ops.size() > before) {
        set.add(key);
      }
    });
    List<String> removed = new ArrayList<>();
    current.fieldNames().forEachRemaining(key -> {
      if (!wanted.containsKey(key)) {
        removed.add(key);
        Patches.op(ops, "remove", "/" + key, null);
      }
    });
    if (!set.isEmpty() || !removed.isEmpty()) {
      said.add("methodSettings (" + Patches.words(set, removed) + ")");
    }
  }

  /** A method's settings: AWS's defaults where the file says nothing. */
  static ObjectNode filled(MethodSetting setting) {
    ObjectNode node = Json.MAPPER.valueToTree(MethodSetting.defaults());
    if (setting != null) {
      node.setAll((ObjectNode) Json.MAPPER.valueToTree(setting));
    }
    return node;
  }

  /** A method's settings as a file says them: only what differs from AWS's defaults. */
  static ObjectNode declared(JsonNode setting) {
    ObjectNode defaults = Json.MAPPER.valueToTree(MethodSetting.defaults());
    ObjectNode node = Json.MAPPER.createObjectNode();
    setting.fields().forEachRemaining(f -> {
      if (!Definitions.same(f.getValue(), defaults.get(f.getKey()))) {
        node.set(f.getKey(), f.getValue());
      }
    });
    return node;
  }

  boolean isEmpty() {
    return said.isEmpty();
  }

  /** What changes, for the plan: {@code description, variables (set a; remove b)}. */
  String summary() {
    return String.join(", ", said);
  }
}
