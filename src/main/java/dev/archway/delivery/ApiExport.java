package dev.archway.delivery;

import static dev.archway.delivery.ManagementClient.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What {@code archway export} writes: the API's definition as the server exports it (GetExport of a
 * stage with {@code extensions=apigateway} for a REST API; ExportApi of a stage or of the draft for
 * an HTTP API), its tags as they are now, and {@code x-archway} with its type, id, every stage and
 * (REST) the usage plans that cover its stages with their keys' names. Never a key's value.
 */
public final class ApiExport {
  private final ManagementClient client;

  public ApiExport(ManagementClient client) {
    this.client = client;
  }

  /** @param stage the stage whose deployment is written; null: the API's only stage */
  public ObjectNode rest(String apiId, String stage) {
    JsonNode api = client.get("GetRestApi", path("restapis", apiId));
    List<JsonNode> stages = client.list("GetStages", path("restapis", apiId, "stages"));
    if (stage == null && stages.size() != 1) {
      throw stages.isEmpty()
          ? new DeliveryException("REST API " + apiId + " has no stage: export writes what a stage serves (deploy it first)")
          : new UsageMistake("--stage: missing (expected: one of the stages of REST API " + apiId + ": "
              + String.join(", ", stages.stream().map(s -> s.get("stageName").asText()).toList()) + ")");
    }
    String exported = stage != null ? stage : stages.get(0).get("stageName").asText();
    ObjectNode definition = (ObjectNode) client.get("GetExport", path("restapis", apiId, "stages", exported, "exports", "oas30"),
        "extensions", "apigateway");
    ApiTags.replace(definition, ApiTags.of(api));
    ObjectNode extension = definition.putObject(DeliveryFile.EXTENSION).put("type", "REST").put("id", apiId);
    ObjectNode declared = extension.putObject("stages");
    for (JsonNode s : stages) {
      ObjectNode out = declared.putObject(s.get("stageName").asText());
      copy(s, out, "description");
      deploymentDescription(out, path("restapis", apiId, "deployments", s.path("deploymentId").asText()));
      if (s.path("variables").size() > 0) {
        out.set("variables", s.get("variables"));
      }
      if (s.path("methodSettings").size() > 0) {
        ObjectNode settings = out.putObject("methodSettings");
        s.get("methodSettings").fields().forEachRemaining(f -> settings.set(f.getKey(), RestStagePatch.declared(f.getValue())));
      }
    }
    ObjectNode plans = ManagementClient.body();
    for (JsonNode plan : client.list("GetUsagePlans", "/usageplans")) {
      ArrayNode apiStages = definition.arrayNode();
      plan.path("apiStages").forEach(s -> {
        if (apiId.equals(s.path("apiId").asText())) {
          ObjectNode apiStage = apiStages.addObject().put("stage", s.path("stage").asText());
          copy(s, apiStage, "throttle");
        }
      });
      if (!apiStages.isEmpty()) {
        plans.set(plan.get("name").asText(), plan(plan, apiStages));
      }
    }
    if (!plans.isEmpty()) {
      extension.set("usagePlans", plans);
    }
    return definition;
  }

  /** @param stage the stage whose deployment is written; null: the draft */
  public ObjectNode http(String apiId, String stage) {
    JsonNode api = client.get("GetApi", path("v2", "apis", apiId));
    if (!"HTTP".equals(api.path("protocolType").asText())) {
      throw new DeliveryException("API " + apiId + " is a " + api.path("protocolType").asText()
          + " API: export writes REST and HTTP APIs");
    }
    ObjectNode definition = (ObjectNode) (stage == null
        ? client.get("ExportApi", path("v2", "apis", apiId, "exports", "OAS30"), "outputType", "JSON")
        : client.get("ExportApi", path("v2", "apis", apiId, "exports", "OAS30"), "outputType", "JSON", "stageName", stage));
    ApiTags.replace(definition, ApiTags.of(api));
    ObjectNode extension = definition.putObject(DeliveryFile.EXTENSION).put("type", "HTTP").put("id", apiId);
    ObjectNode declared = extension.putObject("stages");
    for (JsonNode s : client.list("GetStages", path("v2", "apis", apiId, "stages"))) {
      ObjectNode out = declared.putObject(s.get("stageName").asText());
      copy(s, out, "description");
      boolean autoDeploy = s.path("autoDeploy").asBoolean(false);
      if (autoDeploy) {
        out.put("autoDeploy", true);
      } else if (s.hasNonNull("deploymentId")) {
        deploymentDescription(out, path("v2", "apis", apiId, "deployments", s.get("deploymentId").asText()));
      }
      if (s.path("stageVariables").size() > 0) {
        out.set("stageVariables", s.get("stageVariables"));
      }
      ObjectNode defaults = HttpStagePatch.settings(s.get("defaultRouteSettings"));
      if (!defaults.isEmpty()) {
        out.set("defaultRouteSettings", defaults);
      }
      ObjectNode routes = ManagementClient.body();
      s.path("routeSettings").fields().forEachRemaining(f -> routes.set(f.getKey(), HttpStagePatch.settings(f.getValue())));
      if (!routes.isEmpty()) {
        out.set("routeSettings", routes);
      }
    }
    return definition;
  }

  private ObjectNode plan(JsonNode plan, ArrayNode apiStages) {
    ObjectNode out = ManagementClient.body();
    copy(plan, out, "description");
    copy(plan, out, "throttle");
    copy(plan, out, "quota");
    out.set("apiStages", apiStages);
    ObjectNode keys = ManagementClient.body();
    for (JsonNode member : client.list("GetUsagePlanKeys", path("usageplans", plan.get("id").asText(), "keys"))) {
      JsonNode key = client.get("GetApiKey", path("apikeys", member.get("id").asText()));
      ObjectNode declared = keys.putObject(key.get("name").asText());
      copy(key, declared, "description");
      if (!key.path("enabled").asBoolean(false)) {
        declared.put("enabled", false);
      }
    }
    if (!keys.isEmpty()) {
      out.set("apiKeys", keys);
    }
    return out;
  }

  /** The description of a stage's deployment, which apply gives the deployments it makes. */
  private void deploymentDescription(ObjectNode stage, String deployment) {
    client.find("GetDeployment", deployment).ifPresent(d -> copy(d, stage, "description", "deploymentDescription"));
  }

  private static void copy(JsonNode from, ObjectNode to, String member) {
    copy(from, to, member, member);
  }

  private static void copy(JsonNode from, ObjectNode to, String member, String as) {
    JsonNode value = from.get(member);
    if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
      to.set(as, value);
    }
  }
}
