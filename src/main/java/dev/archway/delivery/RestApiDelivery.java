package dev.archway.delivery;

import static dev.archway.delivery.ManagementClient.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.RestStage;
import dev.archway.delivery.Declaration.Type;
import dev.archway.model.Json;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies a REST API file: the definition goes into the draft with PutRestApi (overwrite) only when a
 * stage is to be deployed, and a stage is deployed only when what it serves (GetExport of its
 * deployment) differs from the file's definition, or when it is new; stage settings, tags and usage
 * plans are brought to the file's with as few writes as they need. A new API is created by
 * ImportRestApi, with {@code x-archway.id} as its id.
 */
final class RestApiDelivery {
  private final ManagementClient client;
  private final Plan plan;
  private final String region;

  RestApiDelivery(ManagementClient client, Plan plan, String region) {
    this.client = client;
    this.plan = plan;
    this.region = region;
  }

  void apply(DeliveryFile file) {
    Declaration declared = file.declaration();
    Optional<JsonNode> found = find(file);
    AtomicReference<String> apiId = new AtomicReference<>(found.map(api -> api.get("id").asText()).orElse(declared.id()));
    plan.section("REST API " + file.title() + " (" + (apiId.get() == null ? "id to be generated" : apiId.get()) + ") from " + file.path());
    ObjectNode wanted = Definitions.comparable(file.definition(), Type.REST);
    String fingerprint = Definitions.fingerprint(wanted);
    Map<String, JsonNode> stages = new LinkedHashMap<>();
    Map<String, String> stale = new LinkedHashMap<>();
    if (found.isEmpty()) {
      plan.create("API: import the definition", () -> {
        JsonNode created = client.call("ImportRestApi", HttpMethod.POST, "/restapis", ApiTags.withId(file.definition(), declared.id()),
            "mode", "import");
        apiId.set(created.get("id").asText());
        created.path("warnings").forEach(warning -> plan.note("warning: " + warning.asText()));
      });
    } else {
      client.list("GetStages", path("restapis", apiId.get(), "stages")).forEach(s -> stages.put(s.get("stageName").asText(), s));
      for (String name : declared.restStages().keySet()) {
        if (stages.containsKey(name)) {
          served(file, apiId.get(), stages.get(name), wanted, fingerprint).ifPresent(why -> stale.put(name, why));
        }
      }
      putDefinition(file, apiId.get(), stale, !stages.keySet().containsAll(declared.restStages().keySet()));
      ApiTags.sync(client, plan, arn(apiId.get()), false, ApiTags.of(found.get()), file.definition());
    }
    declared.restStages().forEach((name, stage) -> {
      JsonNode current = stages.get(name);
      if (current == null) {
        plan.create("stage " + name + ": create, deploy", () -> {
          deploy(apiId.get(), name, stage, fingerprint);
          patch(apiId.get(), name, RestStagePatch.of(ManagementClient.body(), withoutVariables(stage), true));
        });
        return;
      }
      boolean deploy = stale.containsKey(name);
      RestStagePatch settings = RestStagePatch.of(current, stage, deploy);
      if (deploy) {
        plan.update("stage " + name + ": deploy" + (settings.isEmpty() ? "" : ", " + settings.summary()), () -> {
          deploy(apiId.get(), name, stage, fingerprint);
          patch(apiId.get(), name, settings);
        });
      } else if (!settings.isEmpty()) {
        plan.update("stage " + name + ": " + settings.summary(), () -> patch(apiId.get(), name, settings));
      }
    });
    new UsagePlanDelivery(client, plan).apply(apiId::get, found.isEmpty(), declared.usagePlans());
    plan.endSection();
  }

  /**
   * How what the stage serves differs from the file's definition (empty: it serves it): not at all
   * when apply deployed it from this definition, else as GetExport of the stage's deployment says.
   */
  private Optional<String> served(DeliveryFile file, String apiId, JsonNode stage, ObjectNode wanted, String fingerprint) {
    if (AppliedMarks.marked(stage, fingerprint)) {
      return Optional.empty();
    }
    String exportType = file.definition().has("swagger") ? "swagger" : "oas30";
    JsonNode served = client.get("GetExport", path("restapis", apiId, "stages", stage.get("stageName").asText(), "exports", exportType),
        "extensions", "apigateway");
    return Definitions.differing(wanted, Definitions.comparable((ObjectNode) served, Type.REST));
  }

  /** PutRestApi (overwrite) before deploying: the draft is what CreateDeployment freezes. */
  private void putDefinition(DeliveryFile file, String apiId, Map<String, String> stale, boolean newStage) {
    Runnable put = () -> client.call("PutRestApi", HttpMethod.PUT, path("restapis", apiId), file.definition(), "mode", "overwrite")
        .path("warnings").forEach(warning -> plan.note("warning: " + warning.asText()));
    if (!stale.isEmpty()) {
      Map.Entry<String, String> first = stale.entrySet().iterator().next();
      plan.update("definition: put into the draft (stage " + first.getKey() + " " + first.getValue() + ")", put);
    } else if (newStage || file.declaration().restStages().isEmpty()) {
      plan.update("definition: put into the draft (" + (newStage ? "for the new stages"
          : "no stage to compare it with: a REST API's draft cannot be exported") + ")", put);
    }
  }

  /** CreateDeployment, and the mark that says which definition it was made from. */
  private void deploy(String apiId, String name, RestStage stage, String fingerprint) {
    String deployment = client.call("CreateDeployment", HttpMethod.POST, path("restapis", apiId, "deployments"), deployment(name, stage))
        .get("id").asText();
    AppliedMarks.mark(client, false, arn(apiId) + "/stages/" + name, deployment, fingerprint);
  }

  private String arn(String apiId) {
    return "arn:aws:apigateway:" + region + "::/restapis/" + apiId;
  }

  /** CreateDeployment for a stage: its description and variables travel with it, so they change with what it serves. */
  private static ObjectNode deployment(String name, RestStage stage) {
    ObjectNode body = ManagementClient.body().put("stageName", name);
    if (stage.deploymentDescription() != null) {
      body.put("description", stage.deploymentDescription());
    }
    if (stage.description() != null) {
      body.put("stageDescription", stage.description());
    }
    if (stage.variables() != null && !stage.variables().isEmpty()) {
      body.set("variables", Json.MAPPER.valueToTree(stage.variables()));
    }
    return body;
  }

  /** A new stage's settings after CreateDeployment set its description and variables. */
  private static RestStage withoutVariables(RestStage stage) {
    return new RestStage(stage.description(), stage.deploymentDescription(), null, stage.methodSettings());
  }

  private void patch(String apiId, String stage, RestStagePatch settings) {
    if (!settings.ops().isEmpty()) {
      ObjectNode body = ManagementClient.body();
      body.set("patchOperations", settings.ops());
      client.call("UpdateStage", HttpMethod.PATCH, path("restapis", apiId, "stages", stage), body);
    }
  }

  /** The API with {@code x-archway.id}, else the one named as the definition's title. */
  private Optional<JsonNode> find(DeliveryFile file) {
    String id = file.declaration().id();
    if (id != null) {
      return client.find("GetRestApi", path("restapis", id));
    }
    List<JsonNode> named = client.list("GetRestApis", "/restapis").stream()
        .filter(api -> file.title().equals(api.path("name").asText())).toList();
    if (named.size() > 1) {
      throw new DeliveryException(file.path() + ": " + named.size() + " REST APIs are named " + file.title() + " ("
          + String.join(", ", named.stream().map(api -> api.get("id").asText()).toList()) + "): say which with x-archway.id");
    }
    return named.stream().findFirst();
  }
}
