package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.Patchable;
import dev.archway.model.Json;
import dev.archway.model.Stage;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateStage, GetStage, GetStages, UpdateStage, DeleteStage. */
final class StagesHandler {
  /** AWS's answer for a stage name the API does not have. */
  static final String NO_SUCH_STAGE = "Invalid stage identifier specified";

  private final Store store;

  StagesHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(
      String stageName, String deploymentId, String description, Boolean cacheClusterEnabled,
      String cacheClusterSize, Map<String, String> variables, String documentationVersion,
      Stage.CanarySettings canarySettings, Boolean tracingEnabled, Map<String, String> tags) {}

  /** GetStages answers {@code {"item": [...]}} with no paging. */
  record StageList(List<Stage> item) {}

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    checkStageName(req.stageName());
    checkVariables(req.variables());
    Stage created = store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      requireDeployment(docs, apiId, req.deploymentId());
      if (docs.get(Kind.STAGE, apiId, req.stageName()).isPresent()) {
        throw ApiException.conflict("Stage already exists");
      }
      DocumentationVersionsHandler.requireVersion(docs, apiId, req.documentationVersion());
      Stage stage = newStage(req.stageName(), req.deploymentId(), req.description(), req.cacheClusterEnabled(),
          req.cacheClusterSize(), req.variables(), req.tracingEnabled(), req.tags())
          .withDocumentationVersion(req.documentationVersion())
          .withCanarySettings(CanaryReleases.forStage(docs, apiId, req.canarySettings(), req.deploymentId()));
      docs.put(Kind.STAGE, apiId, stage.stageName(), stage);
      return stage;
    });
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> stage(docs, call));
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    String deploymentId = call.query("deploymentId");
    List<Stage> stages = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.STAGE, apiId);
    });
    return new StageList(stages.stream().filter(s -> deploymentId == null || deploymentId.equals(s.deploymentId())).toList());
  }

  Object update(Call call) {
    String apiId = call.label("restapi_id");
    List<PatchOperation> ops = PatchOperation.listFrom(call.body());
    Unserved.stagePatch(ops);
    Stage written = store.write(docs -> {
      Stage stage = stage(docs, call);
      List<PatchOperation> methodOps = new ArrayList<>();
      Stage p = stage;
      for (PatchOperation op : ops) {
        if (MethodSettingsPatch.handles(op)) {
          methodOps.add(op);
        } else if (CanaryReleases.handles(op)) {
          p = CanaryReleases.patch(p, op);
        } else {
          p = Drafts.patch(p, List.of(op), Patchable.STAGE, Stage.class);
        }
      }
      requireDeployment(docs, apiId, p.deploymentId());
      checkVariables(p.variables());
      AccessLogFormatRule.checkRest(accessLogFormat(p), accessLogFormat(stage));
      DocumentationVersionsHandler.requireVersion(docs, apiId, p.documentationVersion());
      boolean cache = Boolean.TRUE.equals(p.cacheClusterEnabled());
      Stage updated = new Stage(p.deploymentId(), p.clientCertificateId(), stage.stageName(), p.description(),
          cache, cacheClusterSize(cache, p.cacheClusterSize()), cacheClusterStatus(cache),
          MethodSettingsPatch.apply(stage.methodSettings(), methodOps), p.variables(),
          p.documentationVersion(), p.accessLogSettings(), CanaryReleases.checked(docs, apiId, p.canarySettings()),
          p.tracingEnabled(), p.webAclArn(),
          stage.tags(), stage.createdDate(), Drafts.now());
      docs.put(Kind.STAGE, apiId, stage.stageName(), updated);
      return updated;
    });
    return written;
  }

  Object delete(Call call) {
    return store.write(docs -> {
      Stage stage = stage(docs, call);
      docs.delete(Kind.STAGE, call.label("restapi_id"), stage.stageName());
      return null;
    });
  }

  static Stage newStage(
      String name, String deploymentId, String description, Boolean cacheClusterEnabled, String cacheClusterSize,
      Map<String, String> variables, Boolean tracingEnabled, Map<String, String> tags) {
    long now = Drafts.now();
    boolean cache = Boolean.TRUE.equals(cacheClusterEnabled);
    return new Stage(deploymentId, null, name, description, cache,
        cacheClusterSize(cache, cacheClusterSize), cacheClusterStatus(cache), Map.of(), variables, null, null, null,
        Boolean.TRUE.equals(tracingEnabled), null, tags == null ? Map.of() : tags, now, now);
  }

  /** AWS gives an enabled cache cluster its smallest size, 0.5 GB, when none is named. */
  private static String cacheClusterSize(boolean enabled, String size) {
    return enabled && size == null ? "0.5" : size;
  }

  /** AVAILABLE once a cache cluster is enabled (AWS passes through CREATE_IN_PROGRESS), else NOT_AVAILABLE. */
  private static String cacheClusterStatus(boolean enabled) {
    return enabled ? "AVAILABLE" : "NOT_AVAILABLE";
  }

  static void checkStageName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,128}")) {
      throw ApiException.badRequest("Stage name only allows a-zA-Z0-9_-");
    }
  }

  /** AWS's limits: 100 variables, names of letters, digits and underscores, values of up to 512 URL-safe characters. */
  static void checkVariables(Map<String, String> variables) {
    if (variables == null) {
      return;
    }
    if (variables.size() > 100) {
      throw ApiException.badRequest("Too many stage variables: " + variables.size() + " (expected: at most 100)");
    }
    variables.forEach((name, value) -> {
      if (!name.matches("[A-Za-z0-9_]{1,64}")) {
        throw ApiException.badRequest("Stage variable name " + name + " only allows a-zA-Z0-9_ and at most 64 characters");
      }
      if (value == null || !value.matches("[A-Za-z0-9\\-._~:/?#&=, ]{0,512}")) {
        throw ApiException.badRequest("Stage variable value " + value
            + " only allows a-zA-Z0-9-._~:/?#&=, and spaces, and at most 512 characters");
      }
    });
  }

  private static void requireDeployment(Documents docs, String apiId, String deploymentId) {
    if (deploymentId == null || docs.get(Kind.DEPLOYMENT, apiId, deploymentId).isEmpty()) {
      throw ApiException.badRequest("Invalid deployment identifier specified");
    }
  }

  private static Stage stage(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.STAGE, apiId, call.label("stage_name"))
        .orElseThrow(() -> ApiException.notFound(NO_SUCH_STAGE));
  }

  private static String accessLogFormat(Stage stage) {
    return stage.accessLogSettings() == null ? null
        : Json.MAPPER.valueToTree(stage.accessLogSettings()).path("format").asText(null);
  }
}
