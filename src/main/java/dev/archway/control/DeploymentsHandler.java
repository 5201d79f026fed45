package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.Patchable;
import dev.archway.deploy.CompileException;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.model.DeployedApi;
import dev.archway.model.Deployment;
import dev.archway.model.Deployment.MethodSnapshot;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateDeployment (freezing the draft into a {@link DeployedApi}, optionally creating or
 * updating a stage), GetDeployment, GetDeployments, UpdateDeployment, DeleteDeployment.
 */
final class DeploymentsHandler {
  private final Store store;
  private final DeploymentCompiler compiler;

  /** @param compiler compiles each deployment before it is stored (null: not checked) */
  DeploymentsHandler(Store store, DeploymentCompiler compiler) {
    this.store = store;
    this.compiler = compiler;
  }

  record CreateRequest(
      String stageName, String stageDescription, String description, Boolean cacheClusterEnabled,
      String cacheClusterSize, Map<String, String> variables, Boolean tracingEnabled,
      CanaryReleases.DeploymentCanarySettings canarySettings) {}

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.stageName() != null && req.canarySettings() == null) {
      StagesHandler.checkStageName(req.stageName());
      StagesHandler.checkVariables(req.variables());
    }
    Deployment created = store.write(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), apiId);
      List<Resource> resources = docs.list(Kind.RESOURCE, apiId);
      Deployment deployment = new Deployment(Ids.shortId(), req.description(), Drafts.now(), summary(resources));
      DeployedApi frozen = new DeployedApi(deployment.id(), api, resources, docs.list(Kind.AUTHORIZER, apiId),
          docs.list(Kind.MODEL, apiId), docs.list(Kind.REQUEST_VALIDATOR, apiId), docs.list(Kind.GATEWAY_RESPONSE, apiId));
      Stage stage = stagePointed(docs, apiId, req, deployment.id());
      compiles(apiId, call.caller().scope(), stage, frozen);
      docs.put(Kind.DEPLOYMENT, apiId, deployment.id(), deployment);
      docs.put(Kind.DEPLOYED_API, apiId, deployment.id(), frozen);
      if (stage != null) {
        docs.put(Kind.STAGE, apiId, stage.stageName(), stage);
      }
      return deployment;
    });
    return withoutSummary(created);
  }

  Object get(Call call) {
    Deployment deployment = store.read(docs -> deployment(docs, call));
    boolean embed = call.queryAll("embed").stream().anyMatch("apisummary"::equals);
    return embed ? deployment : withoutSummary(deployment);
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    List<Deployment> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.DEPLOYMENT, apiId);
    });
    return Paging.of(all.stream().map(DeploymentsHandler::withoutSummary).toList(), call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    return withoutSummary(store.write(docs -> {
      Deployment deployment = deployment(docs, call);
      Deployment patched = Drafts.patch(deployment, call, Patchable.DEPLOYMENT, Deployment.class);
      Deployment updated = new Deployment(deployment.id(), patched.description(), deployment.createdDate(), deployment.apiSummary());
      docs.put(Kind.DEPLOYMENT, call.label("restapi_id"), deployment.id(), updated);
      return updated;
    }));
  }

  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      Deployment deployment = deployment(docs, call);
      for (Stage stage : docs.list(Kind.STAGE, apiId)) {
        boolean canary = stage.canarySettings() != null && deployment.id().equals(stage.canarySettings().deploymentId());
        if (deployment.id().equals(stage.deploymentId()) || canary) {
          throw ApiException.badRequest("Active stages pointing to this deployment must be moved or deleted");
        }
      }
      docs.delete(Kind.DEPLOYMENT, apiId, deployment.id());
      docs.delete(Kind.DEPLOYED_API, apiId, deployment.id());
      return null;
    });
  }

  private static Deployment deployment(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.DEPLOYMENT, apiId, call.label("deployment_id"))
        .orElseThrow(() -> ApiException.notFound("Invalid Deployment identifier specified"));
  }

  /** AWS refuses to deploy an API with no methods, or with a method that has no integration. */
  private static Map<String, Map<String, MethodSnapshot>> summary(List<Resource> resources) {
    Map<String, Map<String, MethodSnapshot>> summary = new LinkedHashMap<>();
    for (Resource resource : resources) {
      if (resource.resourceMethods() == null) {
        continue;
      }
      for (Map.Entry<String, Method> entry : resource.resourceMethods().entrySet()) {
        Method method = entry.getValue();
        if (method.methodIntegration() == null) {
          throw ApiException.badRequest("No integration defined for method");
        }
        summary.computeIfAbsent(resource.path(), p -> new LinkedHashMap<>())
            .put(entry.getKey(), new MethodSnapshot(method.authorizationType(), Boolean.TRUE.equals(method.apiKeyRequired())));
      }
    }
    if (summary.isEmpty()) {
      throw ApiException.badRequest("The REST API doesn't contain any methods");
    }
    return summary;
  }

  /**
   * Compiles the deployment as its stage would serve it, before anything is stored: what cannot be
   * served is refused now (400, nothing written), never found out by the data plane later.
   */
  private void compiles(String apiId, String scope, Stage stage, DeployedApi deployment) {
    if (compiler == null) {
      return;
    }
    Stage target = stage != null ? stage
        : StagesHandler.newStage("deployment-check", deployment.deploymentId(), null, null, null, null, null, null);
    try {
      compiler.compile(apiId, target, deployment, scope);
    } catch (CompileException e) {
      throw ApiException.badRequest("Unable to deploy API: " + e.reason());
    }
  }

  /**
   * The stage as CreateDeployment leaves it (null when it names none): created, or pointed at the
   * deployment with the request's changes; a canary deployment points the stage's canary at it instead.
   */
  private static Stage stagePointed(Documents docs, String apiId, CreateRequest req, String deploymentId) {
    Stage.CanarySettings canary = CanaryReleases.forDeployment(docs, apiId, req.stageName(), req.canarySettings(), deploymentId);
    if (req.stageName() == null) {
      return null;
    }
    if (canary != null) {
      StagesHandler.checkVariables(req.variables());
    }
    long now = Drafts.now();
    return docs.get(Kind.STAGE, apiId, req.stageName())
        .map(s -> new Stage(canary == null ? deploymentId : s.deploymentId(), s.clientCertificateId(), s.stageName(),
            req.stageDescription() == null ? s.description() : req.stageDescription(),
            req.cacheClusterEnabled() == null ? s.cacheClusterEnabled() : req.cacheClusterEnabled(),
            req.cacheClusterSize() == null ? s.cacheClusterSize() : req.cacheClusterSize(), s.cacheClusterStatus(),
            s.methodSettings(), mergeVariables(s.variables(), req.variables()), s.documentationVersion(),
            s.accessLogSettings(), canary == null ? s.canarySettings() : canary,
            req.tracingEnabled() == null ? s.tracingEnabled() : req.tracingEnabled(), s.webAclArn(), s.tags(),
            s.createdDate(), now))
        .orElseGet(() -> StagesHandler.newStage(req.stageName(), deploymentId, req.stageDescription(),
            req.cacheClusterEnabled(), req.cacheClusterSize(), req.variables(), req.tracingEnabled(), null));
  }

  private static Map<String, String> mergeVariables(Map<String, String> current, Map<String, String> added) {
    if (added == null) {
      return current;
    }
    Map<String, String> merged = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
    merged.putAll(added);
    return merged;
  }

  private static Deployment withoutSummary(Deployment d) {
    return new Deployment(d.id(), d.description(), d.createdDate(), null);
  }
}
