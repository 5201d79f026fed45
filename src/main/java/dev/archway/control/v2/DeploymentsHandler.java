package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Deployment;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;

/**
 * CreateDeployment (freezing the draft into a {@link dev.archway.model.v2.DeployedHttpApi}, optionally
 * pointing a stage at it), GetDeployment, GetDeployments, UpdateDeployment, DeleteDeployment.
 */
final class DeploymentsHandler {
  private final Store store;
  private final Deployer deployer;

  DeploymentsHandler(Store store, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
  }

  record CreateRequest(String description, String stageName) {}

  record UpdateRequest(String description) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    Checks.length("description", req.description(), 0, 1024);
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Stage stage = req.stageName() == null ? null : V2Drafts.stage(docs, api.apiId(), req.stageName());
      if (stage != null && stage.autoDeploys()) {
        throw ApiException.badRequest("Stage " + stage.stageName() + " has autoDeploy enabled: it is deployed on each change");
      }
      Deployment deployment = deployer.freeze(docs, api, req.description(), false);
      if (stage != null) {
        Stage pointed = stage.deployed(deployment.deploymentId(),
            "Successfully deployed stage with deployment ID '" + deployment.deploymentId() + "'", V2Drafts.now());
        docs.put(V2Kinds.STAGE, api.apiId(), pointed.stageName(), pointed);
      }
      return deployment;
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return V2Drafts.deployment(docs, api.apiId(), call.label("deploymentId"));
    });
  }

  Object list(Call call) {
    List<Deployment> all = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return docs.list(V2Kinds.DEPLOYMENT, api.apiId());
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    UpdateRequest req = call.bodyAs(UpdateRequest.class);
    Checks.length("description", req.description(), 0, 1024);
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Deployment d = V2Drafts.deployment(docs, api.apiId(), call.label("deploymentId"));
      if (req.description() == null) {
        return d;
      }
      Deployment updated = new Deployment(d.autoDeployed(), d.createdDate(), d.deploymentId(), d.deploymentStatus(),
          d.deploymentStatusMessage(), req.description());
      docs.put(V2Kinds.DEPLOYMENT, api.apiId(), d.deploymentId(), updated);
      return updated;
    });
  }

  /** Refused while a stage points at the deployment, as for REST APIs: a stage must always have something to serve. */
  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Deployment d = V2Drafts.deployment(docs, api.apiId(), call.label("deploymentId"));
      List<String> stages = docs.list(V2Kinds.STAGE, api.apiId()).stream()
          .filter(s -> d.deploymentId().equals(s.deploymentId())).map(Stage::stageName).toList();
      if (!stages.isEmpty()) {
        throw ApiException.badRequest("Deployment " + d.deploymentId() + " is used by stage(s) " + stages
            + ": point them at another deployment or delete them first");
      }
      docs.delete(V2Kinds.DEPLOYMENT, api.apiId(), d.deploymentId());
      docs.delete(V2Kinds.DEPLOYED_API, api.apiId(), d.deploymentId());
      return null;
    });
  }
}
