package dev.archway.delivery;

import static dev.archway.delivery.ManagementClient.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.ApiKey;
import dev.archway.delivery.Declaration.UsagePlan;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Brings a file's usage plans and their API keys to what it declares. Plans and keys are found by
 * name (a name two of them share is an error: apply cannot tell which is meant); a plan's keys are
 * the file's (others are removed from the plan, never deleted); a key is created with the file's
 * value, or one the server generates, and keeps it: a key's value cannot change.
 */
final class UsagePlanDelivery {
  private final ManagementClient client;
  private final Plan plan;
  /** Keys by name, once found or created in this run: a key may be named under several plans. */
  private final Map<String, AtomicReference<String>> keyIds = new HashMap<>();

  UsagePlanDelivery(ManagementClient client, Plan plan) {
    this.client = client;
    this.plan = plan;
  }

  /** @param newApi whether the API is created in this run (its id is known only once created) */
  void apply(Supplier<String> apiId, boolean newApi, Map<String, UsagePlan> plans) {
    if (plans.isEmpty()) {
      return;
    }
    List<JsonNode> existing = client.list("GetUsagePlans", "/usageplans");
    plans.forEach((name, wanted) -> {
      JsonNode current = unique("usage plans", name, existing.stream().filter(p -> name.equals(p.path("name").asText())).toList());
      AtomicReference<String> planId = new AtomicReference<>(current == null ? null : current.get("id").asText());
      if (current == null) {
        plan.create("usage plan " + name + ": create", () ->
            planId.set(client.call("CreateUsagePlan", HttpMethod.POST, "/usageplans", UsagePlanPatch.create(name, apiId.get(), wanted))
                .get("id").asText()));
      } else {
        UsagePlanPatch patch = UsagePlanPatch.of(current, newApi ? "" : apiId.get(), wanted);
        if (!patch.isEmpty()) {
          plan.update("usage plan " + name + ": " + patch.summary(), () -> {
            ObjectNode body = ManagementClient.body();
            body.set("patchOperations", UsagePlanPatch.of(current, apiId.get(), wanted).ops());
            client.call("UpdateUsagePlan", HttpMethod.PATCH, path("usageplans", planId.get()), body);
          });
        }
      }
      Map<String, AtomicReference<String>> keys = new LinkedHashMap<>();
      wanted.apiKeys().forEach((keyName, key) -> keys.put(keyName, key(keyName, key)));
      members(name, planId, current == null, keys);
    });
  }

  /** The plan's keys: the file's, added; others, removed from the plan (the keys themselves stay). */
  private void members(String name, AtomicReference<String> planId, boolean newPlan, Map<String, AtomicReference<String>> keys) {
    Map<String, String> current = new LinkedHashMap<>();
    if (!newPlan) {
      client.list("GetUsagePlanKeys", path("usageplans", planId.get(), "keys"))
          .forEach(k -> current.put(k.path("name").asText(), k.get("id").asText()));
    }
    List<String> added = new ArrayList<>();
    keys.forEach((keyName, id) -> {
      if (id.get() == null || !id.get().equals(current.get(keyName))) {
        added.add(keyName);
      }
    });
    List<String> removed = new ArrayList<>(current.keySet());
    removed.removeAll(keys.keySet());
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    plan.update("usage plan " + name + ": keys (" + Patches.words("add", added, removed) + ")", () -> {
      for (String keyName : added) {
        client.call("CreateUsagePlanKey", HttpMethod.POST, path("usageplans", planId.get(), "keys"),
            ManagementClient.body().put("keyId", keys.get(keyName).get()).put("keyType", "API_KEY"));
      }
      for (String keyName : removed) {
        client.call("DeleteUsagePlanKey", HttpMethod.DELETE, path("usageplans", planId.get(), "keys", current.get(keyName)), null);
      }
    });
  }

  private AtomicReference<String> key(String name, ApiKey wanted) {
    AtomicReference<String> known = keyIds.get(name);
    if (known != null) {
      return known;
    }
    JsonNode current = unique("API keys", name, client.list("GetApiKeys", "/apikeys", "name", name, "includeValues", "true")
        .stream().filter(k -> name.equals(k.path("name").asText())).toList());
    AtomicReference<String> id = new AtomicReference<>(current == null ? null : current.get("id").asText());
    keyIds.put(name, id);
    if (current == null) {
      plan.create("API key " + name + ": create" + (wanted.value() == null ? " (the server generates its value)" : ""), () -> {
        ObjectNode body = ManagementClient.body().put("name", name).put("enabled", wanted.enabledOrDefault());
        if (wanted.description() != null) {
          body.put("description", wanted.description());
        }
        if (wanted.value() != null) {
          body.put("value", wanted.value());
        }
        id.set(client.call("CreateApiKey", HttpMethod.POST, "/apikeys", body).get("id").asText());
      });
      return id;
    }
    if (wanted.value() != null && !wanted.value().equals(current.path("value").asText())) {
      throw new DeliveryException("API key " + name + " (" + id.get() + ") has another value than the file's, and a key's value"
          + " cannot change: delete the key to create it again with the new value");
    }
    ObjectNode body = ManagementClient.body();
    ArrayNode ops = body.putArray("patchOperations");
    List<String> said = new ArrayList<>();
    String description = wanted.description() == null ? "" : wanted.description();
    if (!description.equals(current.path("description").asText(""))) {
      said.add("description");
      Patches.op(ops, "replace", "/description", description);
    }
    if (wanted.enabledOrDefault() != current.path("enabled").asBoolean(false)) {
      said.add(wanted.enabledOrDefault() ? "enable" : "disable");
      Patches.op(ops, "replace", "/enabled", String.valueOf(wanted.enabledOrDefault()));
    }
    if (!said.isEmpty()) {
      plan.update("API key " + name + ": " + String.join(", ", said),
          () -> client.call("UpdateApiKey", HttpMethod.PATCH, path("apikeys", id.get()), body));
    }
    return id;
  }

  private static JsonNode unique(String what, String name, List<JsonNode> named) {
    if (named.size() > 1) {
      throw new DeliveryException(named.size() + " " + what + " are named " + name + " (" + String.join(", ",
          named.stream().map(n -> n.get("id").asText()).toList()) + "): apply finds them by name; rename or delete the others");
    }
    return named.isEmpty() ? null : named.get(0);
  }
}
