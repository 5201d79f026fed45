package dev.archway.delivery;

import static dev.archway.delivery.ManagementClient.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.delivery.Declaration.HttpStage;
import dev.archway.delivery.Declaration.Type;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Applies an HTTP API file: ReimportApi when the draft (ExportApi without a stage) differs from the
 * file's definition, and auto-deploy stages follow it by themselves; a stage without auto-deploy gets
 * CreateDeployment when what it serves (ExportApi of the stage) differs, or when it has no
 * deployment; stage settings and tags are brought to the file's. A new API is created by ImportApi,
 * with {@code x-archway.id} as its id.
 */
final class HttpApiDelivery {
  private final ManagementClient client;
  private final Plan plan;
  private final String region;

  HttpApiDelivery(ManagementClient client, Plan plan, String region) {
    this.client = client;
    this.plan = plan;
    this.region = region;
  }

  void apply(DeliveryFile file) {
    Declaration declared = file.declaration();
    Optional<JsonNode> found = find(file);
    AtomicReference<String> apiId = new AtomicReference<>(found.map(api -> api.get("apiId").asText()).orElse(declared.id()));
    plan.section("HTTP API " + file.title() + " (" + (apiId.get() == null ? "id to be generated" : apiId.get()) + ") from " + file.path());
    ObjectNode wanted = Definitions.comparable(file.definition(), Type.HTTP);
    String fingerprint = Definitions.fingerprint(wanted);
    Map<String, JsonNode> stages = new LinkedHashMap<>();
    Map<String, String> stale = new LinkedHashMap<>();
    boolean reimported = false;
    if (found.isEmpty()) {
      plan.create("API: import the definition", () -> {
        JsonNode created = client.call("ImportApi", HttpMethod.PUT, "/v2/apis", ManagementClient.body()
            .put("body", ApiTags.withId(file.definition(), declared.id()).toString()));
        apiId.set(created.get("apiId").asText());
        created.path("warnings").forEach(warning -> plan.note("warning: " + warning.asText()));
      });
    } else {
      client.list("GetStages", path("v2", "apis", apiId.get(), "stages")).forEach(s -> stages.put(s.get("stageName").asText(), s));
      for (String name : declared.httpStages().keySet()) {
        if (stages.containsKey(name)) {
          served(apiId.get(), stages.get(name), wanted, fingerprint).ifPresent(why -> stale.put(name, why));
        }
      }
      reimported = reimport(file, apiId.get(), wanted, stale, !stages.keySet().containsAll(declared.httpStages().keySet()));
      ApiTags.sync(client, plan, arn(apiId.get()), true, ApiTags.of(found.get()), file.definition());
    }
    for (Map.Entry<String, HttpStage> stage : declared.httpStages().entrySet()) {
      stage(apiId::get, stage.getKey(), stage.getValue(), stages.get(stage.getKey()), stale.containsKey(stage.getKey()), reimported,
          fingerprint);
    }
    plan.endSection();
  }

  /** @param current the stage as GetStage answers it, null when it is new */
  private void stage(Supplier<String> apiId, String name, HttpStage stage, JsonNode current, boolean stale, boolean reimported,
      String fingerprint) {
    if (current == null) {
      plan.create("stage " + name + ": create" + (stage.autoDeploys() ? " (auto-deploy)" : ", deploy"), () -> {
        ObjectNode body = HttpStagePatch.of(ManagementClient.body(), stage).body().put("stageName", name);
        client.call("CreateStage", HttpMethod.POST, path("v2", "apis", apiId.get(), "stages"), body);
        deployed(apiId.get(), name, stage, "", fingerprint);
      });
      return;
    }
    HttpStagePatch settings = HttpStagePatch.of(current, stage);
    if (!settings.isEmpty()) {
      plan.update("stage " + name + ": " + settings.summary(), () ->
          client.call("UpdateStage", HttpMethod.PATCH, path("v2", "apis", apiId.get(), "stages", name), settings.body()));
    }
    if (stale) {
      plan.update("stage " + name + ": " + (stage.autoDeploys() ? "auto-deploys the definition" : "deploy"),
          () -> deployed(apiId.get(), name, stage, current.path("deploymentId").asText(""), fingerprint));
    } else if (stage.autoDeploys() && reimported) {
      plan.note("stage " + name + ": auto-deploys the definition too");
    }
  }

  /**
   * How what the stage serves differs from the file's definition (empty: it serves it): not at all
   * when apply deployed it from this definition, else as ExportApi of the stage says.
   */
  private Optional<String> served(String apiId, JsonNode stage, ObjectNode wanted, String fingerprint) {
    if (AppliedMarks.marked(stage, fingerprint)) {
      return Optional.empty();
    }
    if (!stage.hasNonNull("deploymentId")) {
      return Optional.of("has no deployment yet");
    }
    JsonNode served = client.get("ExportApi", path("v2", "apis", apiId, "exports", "OAS30"), "outputType", "JSON",
        "stageName", stage.get("stageName").asText());
    return Definitions.differing(wanted, Definitions.comparable((ObjectNode) served, Type.HTTP));
  }

  /**
   * ReimportApi when a stage is to be deployed (auto-deploy stages follow it), or, without stages,
   * when the draft differs; whether it does.
   */
  private boolean reimport(DeliveryFile file, String apiId, ObjectNode wanted, Map<String, String> stale, boolean newStage) {
    String why;
    if (!stale.isEmpty()) {
      Map.Entry<String, String> first = stale.entrySet().iterator().next();
      why = "stage " + first.getKey() + " " + first.getValue();
    } else if (newStage) {
      why = "for the new stages";
    } else if (file.declaration().httpStages().isEmpty()) {
      Optional<String> draft = Definitions.differing(wanted, Definitions.comparable((ObjectNode) client.get("ExportApi",
          path("v2", "apis", apiId, "exports", "OAS30"), "outputType", "JSON"), Type.HTTP));
      if (draft.isEmpty()) {
        return false;
      }
      why = "the draft " + draft.get();
    } else {
      return false;
    }
    plan.update("definition: reimport (" + why + ")", () -> client.call("ReimportApi", HttpMethod.PUT, path("v2", "apis", apiId),
        ManagementClient.body().put("body", file.definition().toString())).path("warnings").forEach(w -> plan.note("warning: " + w.asText())));
    return true;
  }

  /**
   * After the draft holds the file's definition: a stage without auto-deploy gets CreateDeployment;
   * an auto-deploy stage has deployed it by itself (or says why not). Either way, the stage is marked.
   */
  private void deployed(String apiId, String name, HttpStage stage, String before, String fingerprint) {
    String deployment;
    if (stage.autoDeploys()) {
      JsonNode now = client.get("GetStage", path("v2", "apis", apiId, "stages", name));
      deployment = now.path("deploymentId").asText("");
      if (deployment.isEmpty() || deployment.equals(before)) {
        throw new DeliveryException("stage " + name + " of HTTP API " + apiId + " did not auto-deploy the definition: "
            + now.path("lastDeploymentStatusMessage").asText("no reason given"));
      }
    } else {
      ObjectNode body = ManagementClient.body().put("stageName", name);
      if (stage.deploymentDescription() != null) {
        body.put("description", stage.deploymentDescription());
      }
      deployment = client.call("CreateDeployment", HttpMethod.POST, path("v2", "apis", apiId, "deployments"), body)
          .get("deploymentId").asText();
    }
    AppliedMarks.mark(client, true, arn(apiId) + "/stages/" + name, deployment, fingerprint);
  }

  private String arn(String apiId) {
    return "arn:aws:apigateway:" + region + "::/apis/" + apiId;
  }

  /** The HTTP API with {@code x-archway.id}, else the one named as the definition's title. */
  private Optional<JsonNode> find(DeliveryFile file) {
    String id = file.declaration().id();
    if (id != null) {
      Optional<JsonNode> api = client.find("GetApi", path("v2", "apis", id));
      if (api.isPresent() && !"HTTP".equals(api.get().path("protocolType").asText())) {
        throw new DeliveryException(file.path() + ": API " + id + " is a " + api.get().path("protocolType").asText()
            + " API (expected: an HTTP API, as x-archway.type says)");
      }
      return api;
    }
    List<JsonNode> named = client.list("GetApis", "/v2/apis").stream()
        .filter(api -> "HTTP".equals(api.path("protocolType").asText()) && file.title().equals(api.path("name").asText())).toList();
    if (named.size() > 1) {
      throw new DeliveryException(file.path() + ": " + named.size() + " HTTP APIs are named " + file.title() + " ("
          + String.join(", ", named.stream().map(api -> api.get("apiId").asText()).toList()) + "): say which with x-archway.id");
    }
    return named.stream().findFirst();
  }
}
