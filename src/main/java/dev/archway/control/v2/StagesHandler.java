package dev.archway.control.v2;

import dev.archway.control.AccessLogFormatRule;
import dev.archway.control.Call;
import dev.archway.control.Unserved;
import dev.archway.control.wire.ApiException;
import dev.archway.deploy.AuthControl;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.model.v2.Stage.AccessLogSettings;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateStage, GetStage, GetStages, UpdateStage, DeleteStage, DeleteAccessLogSettings,
 * DeleteRouteSettings and ResetAuthorizersCache. Stage variables in an update are merged into the
 * stage's (an empty value removes one); other members replace the stored ones.
 */
final class StagesHandler {
  private static final Set<String> UPDATABLE = Set.of("accessLogSettings", "autoDeploy", "clientCertificateId",
      "defaultRouteSettings", "deploymentId", "description", "routeSettings");

  private final Store store;
  private final Deployer deployer;
  private final AuthControl access;

  /** @param access holds the authorizer caches ResetAuthorizersCache empties */
  StagesHandler(Store store, Deployer deployer, AuthControl access) {
    this.deployer = deployer;
    this.store = store;
    this.access = access;
  }

  record CreateRequest(
      AccessLogSettings accessLogSettings, Boolean autoDeploy, String clientCertificateId,
      RouteSettings defaultRouteSettings, String deploymentId, String description,
      Map<String, RouteSettings> routeSettings, String stageName, Map<String, String> stageVariables,
      Map<String, String> tags) {}

  Object create(Call call) {
    StageRules.noCanary(call);
    CreateRequest req = call.bodyAs(CreateRequest.class);
    Checks.tags(req.tags());
    Unserved.clientCertificate(req.clientCertificateId());
    if (Boolean.TRUE.equals(req.autoDeploy()) && req.deploymentId() != null) {
      throw ApiException.badRequest("deploymentId cannot be set on a stage with autoDeploy enabled");
    }
    Stage created = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      String now = V2Drafts.now();
      AccessLogFormatRule.checkV2(req.accessLogSettings() == null ? null : req.accessLogSettings().format(), null);
      Stage stage = StageRules.check(docs, api, new Stage(req.accessLogSettings(), null,
          Boolean.TRUE.equals(req.autoDeploy()), req.clientCertificateId(), now,
          req.defaultRouteSettings() == null ? new RouteSettings(false, false, null, null, null) : req.defaultRouteSettings(),
          req.deploymentId(), req.description(), null, now,
          req.routeSettings() == null ? Map.of() : req.routeSettings(), req.stageName(),
          StageRules.variables(Map.of(), req.stageVariables()), req.tags() == null ? Map.of() : req.tags()));
      if (docs.get(V2Kinds.STAGE, api.apiId(), stage.stageName()).isPresent()) {
        throw ApiException.conflict("Stage " + stage.stageName() + " already exists");
      }
      if (stage.autoDeploys()) {
        return deployer.deploy(docs, api, List.of(stage)).get(0);
      }
      docs.put(V2Kinds.STAGE, api.apiId(), stage.stageName(), stage);
      return stage;
    });
    ignored(call, created).warn();
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return V2Drafts.stage(docs, api.apiId(), call.label("stageName"));
    });
  }

  Object list(Call call) {
    List<Stage> all = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return docs.list(V2Kinds.STAGE, api.apiId());
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    StageRules.noCanary(call);
    Stage written = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Stage stage = V2Drafts.stage(docs, api.apiId(), call.label("stageName"));
      refuseManaged(stage);
      Stage merged = Updates.merge(stage, call, UPDATABLE, Stage.class);
      if (Updates.has(call, "clientCertificateId")) {
        Unserved.clientCertificate(merged.clientCertificateId());
      }
      if (merged.autoDeploys() && Updates.has(call, "deploymentId")) {
        throw ApiException.badRequest("deploymentId cannot be set on a stage with autoDeploy enabled");
      }
      Map<String, String> variables = Updates.has(call, "stageVariables")
          ? StageRules.variables(stage.stageVariables(), Updates.merge(new Variables(null), call, Set.of("stageVariables"), Variables.class).stageVariables())
          : stage.stageVariables();
      AccessLogFormatRule.checkV2(merged.accessLogSettings() == null ? null : merged.accessLogSettings().format(),
          stage.accessLogSettings() == null ? null : stage.accessLogSettings().format());
      Stage updated = StageRules.check(docs, api, new Stage(merged.accessLogSettings(), merged.apiGatewayManaged(),
          merged.autoDeploy(), merged.clientCertificateId(), merged.createdDate(), merged.defaultRouteSettings(),
          merged.deploymentId(), merged.description(), merged.lastDeploymentStatusMessage(), V2Drafts.now(),
          merged.routeSettings(), merged.stageName(), variables, merged.tags()));
      if (updated.autoDeploys() && !stage.autoDeploys()) {
        return deployer.deploy(docs, api, List.of(updated)).get(0);
      }
      docs.put(V2Kinds.STAGE, api.apiId(), updated.stageName(), updated);
      return updated;
    });
    ignored(call, written).warn();
    return written;
  }

  /** The settings the request set that are stored, not applied: execution-log route settings. */
  private static Unserved.Ignored ignored(Call call, Stage stage) {
    Unserved.Ignored ignored = new Unserved.Ignored("stage " + stage.stageName() + " of API " + call.label("apiId"));
    if (Updates.has(call, "defaultRouteSettings")) {
      ignored.routeSettings("defaultRouteSettings", stage.defaultRouteSettings());
    }
    if (Updates.has(call, "routeSettings")) {
      ignored.routeSettings(stage.routeSettings());
    }
    return ignored;
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Stage stage = V2Drafts.stage(docs, api.apiId(), call.label("stageName"));
      refuseManaged(stage);
      docs.delete(V2Kinds.STAGE, api.apiId(), stage.stageName());
      return null;
    });
  }

  Object deleteAccessLogSettings(Call call) {
    return edit(call, s -> new Stage(null, s.apiGatewayManaged(), s.autoDeploy(), s.clientCertificateId(),
        s.createdDate(), s.defaultRouteSettings(), s.deploymentId(), s.description(), s.lastDeploymentStatusMessage(),
        V2Drafts.now(), s.routeSettings(), s.stageName(), s.stageVariables(), s.tags()));
  }

  Object deleteRouteSettings(Call call) {
    String routeKey = call.label("routeKey");
    return edit(call, s -> {
      if (s.routeSettings() == null || !s.routeSettings().containsKey(routeKey)) {
        throw ApiException.notFound("No route settings for route key " + routeKey + " in stage " + s.stageName());
      }
      Map<String, RouteSettings> kept = new LinkedHashMap<>(s.routeSettings());
      kept.remove(routeKey);
      return new Stage(s.accessLogSettings(), s.apiGatewayManaged(), s.autoDeploy(), s.clientCertificateId(),
          s.createdDate(), s.defaultRouteSettings(), s.deploymentId(), s.description(), s.lastDeploymentStatusMessage(),
          V2Drafts.now(), kept, s.stageName(), s.stageVariables(), s.tags());
    });
  }

  /**
   * The stage's cached Lambda authorizer answers (an HTTP API's decisions, a WebSocket API's {@code $connect} results),
   * for every node that shares them; answered once they are gone (or, Redis away, once that is logged).
   */
  Object resetAuthorizersCache(Call call) {
    String apiId = call.label("apiId");
    String stage = call.label("stageName");
    store.read(docs -> V2Drafts.stage(docs, V2Drafts.api(docs, call.caller(), apiId).apiId(), stage));
    return Future.all(access.decisions().flush(apiId, stage), access.cache().flush(apiId, stage))
        .<Void>mapEmpty().otherwiseEmpty();
  }

  private Object edit(Call call, java.util.function.UnaryOperator<Stage> change) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Stage changed = change.apply(V2Drafts.stage(docs, api.apiId(), call.label("stageName")));
      docs.put(V2Kinds.STAGE, api.apiId(), changed.stageName(), changed);
      return null;
    });
  }

  /** AWS: "You can't modify the $default stage" that quick create made. */
  private static void refuseManaged(Stage stage) {
    if (Boolean.TRUE.equals(stage.apiGatewayManaged())) {
      throw ApiException.badRequest("Stage " + stage.stageName() + " is managed by API Gateway (quick create) and cannot be changed");
    }
  }

  /** The stage variables member of an update body. */
  record Variables(Map<String, String> stageVariables) {}
}
