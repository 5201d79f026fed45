package dev.archway.deploy;

import dev.archway.model.DeployedApi;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.runtime.CompiledStage;
import dev.archway.store.Change;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import dev.archway.model.v2.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveStages} equal to the store: loads every stage at start, then recompiles an
 * API's stages whenever one of its REST API, stage or deployment documents changes. Store reads
 * and compilation run on worker threads; one recompile per API at a time, and a burst of changes
 * during a recompile costs exactly one more.
 */
public final class StageSync {
  private static final Logger LOG = LoggerFactory.getLogger(StageSync.class);
  private static final Set<Kind<?>> WATCHED = Set.of(Kind.REST_API, Kind.STAGE, Kind.DEPLOYMENT, Kind.DEPLOYED_API,
      V2Kinds.API, V2Kinds.STAGE, V2Kinds.DEPLOYED_API);

  private final Vertx vertx;
  private final Store store;
  private final DeploymentCompiler compiler;
  private final LiveStages live;
  /** HTTP APIs share the id namespace, and so the one recompile queue per API id; null serves none. */
  private final HttpApiPublisher httpApis;
  /** WebSocket APIs likewise; null serves none. */
  private final WebSocketApiPublisher webSocketApis;
  /** Stages not served, by API then stage name, with the reason. */
  private final Map<String, Map<String, String>> problems = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new HashMap<>();
  /** Every API this node has compiled, so a full re-read also removes those deleted meanwhile. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final StageFailures failures = new StageFailures();
  private volatile boolean loaded;

  /** The recompile running for one API, and the one promised to changes that arrived meanwhile. */
  private static final class Job {
    Promise<Void> running = Promise.promise();
    Promise<Void> again;
  }

  public StageSync(Vertx vertx, Store store, DeploymentCompiler compiler, LiveStages live) {
    this(vertx, store, compiler, live, null, null);
  }

  /** Also keeps {@code liveHttpApis} equal to the store's HTTP APIs, compiled with {@code httpCompiler}. */
  public StageSync(Vertx vertx, Store store, DeploymentCompiler compiler, LiveStages live,
      HttpApiCompiler httpCompiler, LiveHttpApis liveHttpApis) {
    this(vertx, store, compiler, live, httpCompiler, liveHttpApis, null, null);
  }

  /** Also keeps {@code liveWebSocketApis} equal to the store's WebSocket APIs, compiled with {@code webSocketCompiler}. */
  public StageSync(Vertx vertx, Store store, DeploymentCompiler compiler, LiveStages live,
      HttpApiCompiler httpCompiler, LiveHttpApis liveHttpApis, WebSocketCompiler webSocketCompiler,
      LiveWebSocketApis liveWebSocketApis) {
    this.vertx = vertx;
    this.store = store;
    this.compiler = compiler;
    this.live = live;
    this.httpApis = httpCompiler == null ? null : new HttpApiPublisher(httpCompiler, liveHttpApis, failures);
    this.webSocketApis = webSocketCompiler == null ? null
        : new WebSocketApiPublisher(webSocketCompiler, liveWebSocketApis, failures);
  }

  /** Loads and publishes every stage of every API; completes when all are compiled (or reported). */
  public Future<Void> start() {
    // Listen first, so a change committed while we load is not missed.
    store.onChange(this::changed);
    return recompileAll().onSuccess(all -> loaded = true);
  }

  /** Recompiles every API of the store and every API served (start-up, and after the change feed missed changes). */
  private Future<Void> recompileAll() {
    return vertx.<List<String>>executeBlocking(() -> store.read(docs -> {
              List<String> ids = new ArrayList<>(docs.listAll(Kind.REST_API).stream().map(RestApi::id).toList());
              if (httpApis != null) {
                docs.listAll(V2Kinds.API).stream().filter(a -> a.isHttp() || webSocketApis != null).map(HttpApi::apiId)
                    .forEach(ids::add);
              }
              return ids;
            }))
        .compose(ids -> {
          Set<String> gone = new java.util.HashSet<>(known);
          ids.forEach(gone::remove);
          List<Future<Void>> all = new ArrayList<>();
          ids.forEach(id -> all.add(recompile(id)));
          gone.forEach(id -> all.add(recompile(id)));
          known.removeAll(gone);
          return Future.all(all);
        })
        .mapEmpty();
  }

  /** Stages that exist in the store but are not served, as {@code "api/stage: reason"}; empty when ready. */
  public List<String> notReady() {
    if (!loaded) {
      return List.of("stages: not loaded from the store yet");
    }
    List<String> out = new ArrayList<>();
    new TreeMap<>(problems).forEach((api, stages) ->
        new TreeMap<>(stages).forEach((stage, reason) -> out.add(api + "/" + stage + ": " + reason)));
    return out;
  }

  /**
   * Completes when every recompile scheduled so far has published. Changes are scheduled on the
   * writing thread before the write returns, so a write followed by this sees its effect served.
   */
  public Future<Void> settled() {
    List<Future<Void>> pending = new ArrayList<>();
    synchronized (jobs) {
      for (Job job : jobs.values()) {
        pending.add(job.again != null ? job.again.future() : job.running.future());
      }
    }
    return pending.isEmpty() ? Future.succeededFuture() : Future.all(pending).mapEmpty();
  }

  private void changed(Change change) {
    if (change.everything()) {
      recompileAll().onFailure(e -> LOG.error("reading every API again failed; the stages served stay as they were", e));
      return;
    }
    if (!WATCHED.contains(change.kind())) {
      return;
    }
    boolean api = change.kind().equals(Kind.REST_API) || change.kind().equals(V2Kinds.API);
    recompile(api ? change.id() : change.scope());
  }

  /** Schedules a recompile of one API; the future completes once the store state as of now is published. */
  Future<Void> recompile(String apiId) {
    known.add(apiId);
    Promise<Void> start;
    synchronized (jobs) {
      Job job = jobs.get(apiId);
      if (job != null) {
        if (job.again == null) {
          job.again = Promise.promise();
        }
        return job.again.future();
      }
      job = new Job();
      jobs.put(apiId, job);
      start = job.running;
    }
    run(apiId, start);
    return start.future();
  }

  private void run(String apiId, Promise<Void> done) {
    vertx.executeBlocking(() -> {
      compileAndPublish(apiId);
      return null;
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("recompiling api {} failed; it keeps serving its previous stages", apiId, ar.cause());
      }
      Promise<Void> next;
      synchronized (jobs) {
        Job job = jobs.get(apiId);
        next = job.again;
        if (next == null) {
          jobs.remove(apiId);
        } else {
          job.running = next;
          job.again = null;
        }
      }
      done.complete();
      if (next != null) {
        run(apiId, next);
      }
    });
  }

  /** Worker thread: reads the API's documents, compiles each stage, publishes them in one swap. */
  private void compileAndPublish(String apiId) {
    record Loaded(boolean exists, String scope, List<Stage> stages, Map<String, DeployedApi> deployments) {}
    Loaded loaded = store.read(docs -> {
      String scope = docs.scopeOf(Kind.REST_API, apiId).orElse(null);
      if (scope == null) {
        return new Loaded(false, null, List.of(), Map.of());
      }
      List<Stage> stages = docs.list(Kind.STAGE, apiId);
      Map<String, DeployedApi> deployments = new HashMap<>();
      for (Stage stage : stages) {
        String canary = stage.canarySettings() == null ? null : stage.canarySettings().deploymentId();
        for (String id : new String[] {stage.deploymentId(), canary}) {
          if (id != null && !deployments.containsKey(id)) {
            docs.get(Kind.DEPLOYED_API, apiId, id).ifPresent(d -> deployments.put(id, d));
          }
        }
      }
      return new Loaded(true, scope, stages, deployments);
    });
    if (!loaded.exists()) {
      live.remove(apiId);
      compiler.published(apiId, List.of(), Set.of());
      if (httpApis == null && webSocketApis == null) {
        failures.report(apiId, Map.of());
        problems.remove(apiId);
        return;
      }
      Map<String, String> v2Problems = new HashMap<>();
      if (httpApis != null) {
        httpApis.compileAndPublish(store, apiId).ifPresent(v2Problems::putAll);
      }
      if (webSocketApis != null) {
        webSocketApis.compileAndPublish(store, apiId).ifPresent(v2Problems::putAll);
      }
      if (v2Problems.isEmpty()) {
        problems.remove(apiId);
      } else {
        problems.put(apiId, Map.copyOf(v2Problems));
      }
      return;
    }
    Map<String, CompiledStage> compiled = new HashMap<>();
    Map<String, String> failed = new HashMap<>();
    Map<String, String> lines = new HashMap<>();
    for (Stage stage : loaded.stages()) {
      String name = stage.stageName();
      DeployedApi deployment = loaded.deployments().get(stage.deploymentId());
      String reason;
      try {
        if (deployment != null) {
          DeployedApi canary = stage.canarySettings() == null ? null
              : loaded.deployments().get(stage.canarySettings().deploymentId());
          compiled.put(name, compiler.compile(apiId, stage, deployment, canary, loaded.scope()));
          continue;
        }
        reason = "deployment " + stage.deploymentId() + " not found";
      } catch (RuntimeException e) {
        reason = StageFailures.reason(e);
      }
      // Fail safe: a stage that served before keeps its last good snapshot (health stays ready).
      CompiledStage last = live.find(apiId, name);
      if (last != null) {
        compiled.put(name, last);
      } else {
        failed.put(name, reason);
      }
      lines.put(name, StageFailures.line(apiId, name, stage.deploymentId(), reason, last == null ? null : last.deploymentId()));
    }
    failures.report(apiId, lines);
    live.publish(apiId, compiled);
    compiler.published(apiId, compiled.values(), loaded.stages().stream()
        .filter(stage -> Boolean.TRUE.equals(stage.cacheClusterEnabled())).map(Stage::stageName).collect(Collectors.toSet()));
    if (failed.isEmpty()) {
      problems.remove(apiId);
    } else {
      problems.put(apiId, Map.copyOf(failed));
    }
  }

  @Override
  public String toString() {
    return "StageSync(" + live + ", " + problems.size() + " apis with unserved stages)";
  }
}
