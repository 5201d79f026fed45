package dev.archway.deploy;

import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import dev.archway.websocket.WebSocketStage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket half of {@link StageSync}, as {@link HttpApiPublisher} is its HTTP API half: reads a
 * WebSocket API's stages and their deployments, compiles each stage and publishes them in one swap.
 * Runs on a worker thread.
 */
final class WebSocketApiPublisher {
  private final WebSocketCompiler compiler;
  private final LiveWebSocketApis live;
  private final StageFailures failures;

  WebSocketApiPublisher(WebSocketCompiler compiler, LiveWebSocketApis live, StageFailures failures) {
    this.compiler = compiler;
    this.live = live;
    this.failures = failures;
  }

  /**
   * @return the stages that could not be compiled, with the reason, or empty when the store holds
   *     no WebSocket API of that id (it is then no longer served)
   */
  Optional<Map<String, String>> compileAndPublish(Store store, String apiId) {
    record Loaded(String scope, List<Stage> stages, Map<String, DeployedHttpApi> deployments) {}
    Loaded loaded = store.read(docs -> {
      Optional<String> scope = docs.scopeOf(V2Kinds.API, apiId);
      HttpApi api = scope.flatMap(s -> docs.get(V2Kinds.API, s, apiId)).orElse(null);
      if (api == null) {
        return null;
      }
      if (api.isHttp()) {
        return new Loaded(scope.get(), null, Map.of());
      }
      List<Stage> stages = docs.list(V2Kinds.STAGE, apiId);
      Map<String, DeployedHttpApi> deployments = new HashMap<>();
      for (Stage stage : stages) {
        if (stage.deploymentId() != null) {
          docs.get(V2Kinds.DEPLOYED_API, apiId, stage.deploymentId()).ifPresent(d -> deployments.put(stage.deploymentId(), d));
        }
      }
      return new Loaded(scope.get(), stages, deployments);
    });
    if (loaded == null || loaded.stages() == null) {
      live.remove(apiId);
      if (loaded == null) {
        // Gone: its buckets and failure lines go too (an API of the other kind keeps its own).
        failures.report(apiId, Map.of());
        compiler.published(apiId, List.of());
      }
      return Optional.empty();
    }
    Map<String, WebSocketStage> compiled = new HashMap<>();
    Map<String, String> failed = new HashMap<>();
    Map<String, String> lines = new HashMap<>();
    for (Stage stage : loaded.stages()) {
      String name = stage.stageName();
      if (stage.deploymentId() == null) {
        continue; // a stage never deployed serves nothing, and is not a problem
      }
      DeployedHttpApi deployment = loaded.deployments().get(stage.deploymentId());
      String reason;
      try {
        if (deployment != null) {
          compiled.put(name, compiler.compile(apiId, loaded.scope(), stage, deployment));
          continue;
        }
        reason = "deployment " + stage.deploymentId() + " not found";
      } catch (RuntimeException e) {
        reason = StageFailures.reason(e);
      }
      // Fail safe, as for REST and HTTP APIs: a stage that served before keeps its last good snapshot.
      WebSocketStage last = live.find(apiId, name);
      if (last != null) {
        compiled.put(name, last);
      } else {
        failed.put(name, reason);
      }
      lines.put(name, StageFailures.line(apiId, name, stage.deploymentId(), reason, last == null ? null : last.deploymentId()));
    }
    failures.report(apiId, lines);
    live.publish(apiId, compiled);
    compiler.published(apiId, compiled.values());
    return Optional.of(Map.copyOf(failed));
  }

  @Override
  public String toString() {
    return "WebSocketApiPublisher(" + live + ")";
  }
}
