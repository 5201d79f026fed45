package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.HttpStage;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The UpdateStage body (the members to change) that brings an HTTP API stage to what its file
 * declares, and what it changes in words; from an empty stage, CreateStage's body. The file is the
 * whole truth for what it names: variables and route settings it leaves out are removed.
 */
record HttpStagePatch(ObjectNode body, List<String> said) {
  /** Route-setting values that mean "not set" (GetStage reports them when nothing is set). */
  private static final Map<String, Object> UNSET = Map.of("detailedMetricsEnabled", false, "dataTraceEnabled", false,
      "loggingLevel", "OFF");

  static HttpStagePatch of(JsonNode current, HttpStage wanted) {
    ObjectNode body = ManagementClient.body();
    List<String> said = new ArrayList<>();
    String description = wanted.description() == null ? "" : wanted.description();
    if (!description.equals(current.path("description").asText(""))) {
      said.add("description");
      body.put("description", description);
    }
    if (wanted.autoDeploys() != current.path("autoDeploy").asBoolean(false)) {
      said.add(wanted.autoDeploys() ? "autoDeploy on" : "autoDeploy off");
      body.put("autoDeploy", wanted.autoDeploys());
    }
    variables(body, said, current.path("stageVariables"), wanted.stageVariables() == null ? Map.of() : wanted.stageVariables());
    ObjectNode defaults = settings(Json.MAPPER.valueToTree(wanted.defaultRouteSettings()));
    if (!Definitions.same(defaults, settings(current.get("defaultRouteSettings")))) {
      said.add("defaultRouteSettings");
      body.set("defaultRouteSettings", defaults);
    }
    ObjectNode routes = Json.MAPPER.createObjectNode();
    (wanted.routeSettings() == null ? Map.<String, Object>of() : wanted.routeSettings())
        .forEach((route, settings) -> routes.set(route, settings(Json.MAPPER.valueToTree(settings))));
    ObjectNode currentRoutes = Json.MAPPER.createObjectNode();
    current.path("routeSettings").fields().forEachRemaining(f -> currentRoutes.set(f.getKey(), settings(f.getValue())));
    if (!Definitions.same(routes, currentRoutes)) {
      said.add("routeSettings");
      body.set("routeSettings", routes);
    }
    return new HttpStagePatch(body, said);
  }

  private static void variables(ObjectNode body, List<String> said, JsonNode current, Map<String, String> wanted) {
    ObjectNode variables = Json.MAPPER.createObjectNode();
    List<String> set = new ArrayList<>();
    wanted.forEach((name, value) -> {
      if (!value.equals(current.path(name).asText(null))) {
        set.add(name);
        variables.put(name, value);
      }
    });
    List<String> removed = new ArrayList<>();
    current.fieldNames().forEachRemaining(name -> {
      if (!wanted.containsKey(name)) {
        removed.add(name);
        variables.put(name, ""); // UpdateStage merges variables: an empty value removes one
      }
    });
    if (!variables.isEmpty()) {
      said.add("stageVariables (" + Patches.words(set, removed) + ")");
      body.set("stageVariables", variables);
    }
  }

  /** Route settings as a file says them: what is set, without the values that mean unset. */
  static ObjectNode settings(JsonNode node) {
    ObjectNode settings = Json.MAPPER.createObjectNode();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(f -> {
        Object unset = UNSET.get(f.getKey());
        if (!f.getValue().isNull() && (unset == null || !Definitions.same(f.getValue(), Json.MAPPER.valueToTree(unset)))) {
          settings.set(f.getKey(), f.getValue());
        }
      });
    }
    return settings;
  }

  boolean isEmpty() {
    return said.isEmpty();
  }

  String summary() {
    return String.join(", ", said);
  }
}
