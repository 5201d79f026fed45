package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import dev.archway.deploy.CompileException;
import dev.archway.deploy.HttpApiCompiler;
import dev.archway.deploy.WebSocketCompiler;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Deployment;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freezes an API's draft into a deployment, and keeps {@code autoDeploy} stages current: every
 * change to an API's configuration, routes, integrations or authorizers redeploys them in the same
 * store transaction as the change, so a reader never sees the change without its deployment. A
 * deployment is compiled before it is stored: what cannot be served is refused (CreateDeployment
 * answers 400; an auto-deploy stage keeps its deployment and says why), never found out later.
 */
final class Deployer {
  static final String NO_ROUTES = "Unable to deploy API because no routes exists in this API";
  private static final String AUTO_DESCRIPTION = "Automatic deployment triggered by changes to the Api configuration";
  private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

  private final HttpApiCompiler compiler;
  private final WebSocketCompiler webSocketCompiler;

  /**
   * @param compiler compiles each deployment of an HTTP API before it is stored (null: not checked)
   * @param webSocketCompiler the same for WebSocket APIs
   */
  Deployer(HttpApiCompiler compiler, WebSocketCompiler webSocketCompiler) {
    this.compiler = compiler;
    this.webSocketCompiler = webSocketCompiler;
  }

  /** Freezes the draft; fails with BadRequest when the API has no route or does not compile. */
  Deployment freeze(Documents docs, HttpApi api, String description, boolean autoDeployed) {
    String apiId = api.apiId();
    List<Route> routes = docs.list(V2Kinds.ROUTE, apiId);
    if (routes.isEmpty()) {
      throw ApiException.badRequest(NO_ROUTES);
    }
    Deployment deployment = new Deployment(autoDeployed, V2Drafts.now(), V2Ids.childId(), "DEPLOYED", null, description);
    List<Integration> integrations = docs.list(V2Kinds.INTEGRATION, apiId);
    DeployedHttpApi frozen = api.isHttp()
        ? new DeployedHttpApi(deployment.deploymentId(), api, routes, integrations, docs.list(V2Kinds.AUTHORIZER, apiId))
        : new DeployedHttpApi(deployment.deploymentId(), api, routes, integrations, docs.list(V2Kinds.AUTHORIZER, apiId),
            children(routes, Route::routeId, id -> docs.list(V2Kinds.ROUTE_RESPONSE, V2Kinds.childScope(apiId, id))),
            children(integrations, Integration::integrationId,
                id -> docs.list(V2Kinds.INTEGRATION_RESPONSE, V2Kinds.childScope(apiId, id))),
            docs.list(V2Kinds.MODEL, apiId));
    compiles(docs, api, frozen);
    docs.put(V2Kinds.DEPLOYMENT, apiId, deployment.deploymentId(), deployment);
    docs.put(V2Kinds.DEPLOYED_API, apiId, deployment.deploymentId(), frozen);
    return deployment;
  }

  private void compiles(Documents docs, HttpApi api, DeployedHttpApi deployment) {
    if (api.isHttp() ? compiler == null : webSocketCompiler == null) {
      return;
    }
    String now = V2Drafts.now();
    Stage check = new Stage(null, null, false, null, now, null, deployment.deploymentId(), null, null, now, Map.of(),
        "deployment-check", Map.of(), Map.of());
    String scope = docs.scopeOf(V2Kinds.API, api.apiId()).orElse(null);
    try {
      if (api.isHttp()) {
        compiler.compile(api.apiId(), scope, check, deployment);
      } else {
        webSocketCompiler.compile(api.apiId(), scope, check, deployment);
      }
    } catch (CompileException e) {
      throw ApiException.badRequest("Unable to deploy API: " + e.reason());
    }
  }

  /** The non-empty lists of children of each parent, by parent id. */
  private static <P, C> Map<String, List<C>> children(List<P> parents, Function<P, String> id, Function<String, List<C>> list) {
    Map<String, List<C>> out = new LinkedHashMap<>();
    for (P parent : parents) {
      List<C> found = list.apply(id.apply(parent));
      if (!found.isEmpty()) {
        out.put(id.apply(parent), found);
      }
    }
    return out;
  }

  /** After a change of the draft: redeploys the API's auto-deploy stages, if it has any. */
  void changed(Documents docs, HttpApi api) {
    List<Stage> stages = docs.list(V2Kinds.STAGE, api.apiId()).stream().filter(Stage::autoDeploys).toList();
    if (!stages.isEmpty()) {
      deploy(docs, api, stages);
    }
  }

  /**
   * Deploys the draft to {@code stages} (written back, and returned in order). When the API cannot be
   * deployed the stages keep their deployment and say why in {@code lastDeploymentStatusMessage}, as AWS's do.
   */
  List<Stage> deploy(Documents docs, HttpApi api, List<Stage> stages) {
    String now = V2Drafts.now();
    String deploymentId = null;
    String message;
    try {
      deploymentId = freeze(docs, api, AUTO_DESCRIPTION, true).deploymentId();
      message = "Successfully deployed stage with deployment ID '" + deploymentId + "'";
    } catch (ApiException e) {
      message = "Deployment attempt failed: " + e.getMessage();
      LOG.warn("api {}: auto-deploy of stage(s) {} failed, they keep their deployment: {}", api.apiId(),
          stages.stream().map(Stage::stageName).toList(), e.getMessage());
    }
    List<Stage> out = new ArrayList<>();
    for (Stage stage : stages) {
      Stage deployed = stage.deployed(deploymentId, message, now);
      docs.put(V2Kinds.STAGE, api.apiId(), deployed.stageName(), deployed);
      out.add(deployed);
    }
    return out;
  }
}
