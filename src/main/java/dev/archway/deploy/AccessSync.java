package dev.archway.deploy;

import dev.archway.auth.ApiKeyValues;
import dev.archway.model.Account;
import dev.archway.model.ApiKey;
import dev.archway.model.RestApi;
import dev.archway.model.ThrottleSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlanKey;
import dev.archway.store.Change;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.QuotaMeter;
import dev.archway.traffic.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveAccess} equal to the store's API keys, usage plans, plan keys and accounts:
 * rebuilds the rules on a worker thread whenever one of them changes (one rebuild at a time; a
 * burst of changes during one costs exactly one more), and writes the quota ledger's counts to
 * the store every second. Buckets and meters are found again by name, so a rebuild keeps their state.
 */
public final class AccessSync {
  private static final Logger LOG = LoggerFactory.getLogger(AccessSync.class);
  private static final Set<Kind<?>> WATCHED =
      Set.of(Kind.REST_API, Kind.API_KEY, Kind.USAGE_PLAN, Kind.USAGE_PLAN_KEY, Kind.ACCOUNT);
  private static final long FLUSH_MILLIS = 1000;

  private final Vertx vertx;
  private final Store store;
  private final LiveAccess live;
  private final Buckets buckets;
  private final QuotaLedger ledger;
  private final AtomicBoolean flushing = new AtomicBoolean();
  /** Guarded by {@code this}: the rebuild running, and the one promised to changes that arrived meanwhile. */
  private Promise<Void> running;
  private Promise<Void> again;
  private long flushTimer = -1;

  public AccessSync(Vertx vertx, Store store, LiveAccess live, Buckets buckets, QuotaLedger ledger) {
    this.vertx = vertx;
    this.store = store;
    this.live = live;
    this.buckets = buckets;
    this.ledger = ledger;
  }

  /** Builds and publishes the rules; completes when they are live. */
  public Future<Void> start() {
    store.onChange(this::changed);
    flushTimer = vertx.setPeriodic(FLUSH_MILLIS, id -> flushInBackground());
    return rebuild();
  }

  /** Stops the periodic flush and writes what the meters counted (shutdown; blocks). */
  public void stop() {
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
    }
    ledger.flush();
  }

  /** Completes when every rebuild scheduled so far has published (read-your-writes for the management API). */
  public synchronized Future<Void> settled() {
    Promise<Void> last = again != null ? again : running;
    return last == null ? Future.succeededFuture() : last.future();
  }

  private void changed(Change change) {
    if (WATCHED.contains(change.kind())) {
      rebuild();
    }
  }

  private Future<Void> rebuild() {
    Promise<Void> start;
    synchronized (this) {
      if (running != null) {
        if (again == null) {
          again = Promise.promise();
        }
        return again.future();
      }
      running = Promise.promise();
      start = running;
    }
    run(start);
    return start.future();
  }

  private void run(Promise<Void> done) {
    vertx.executeBlocking(() -> {
      live.publish(build());
      return null;
    }).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("rebuilding API keys and usage plans failed; the previous ones stay in force", ar.cause());
      }
      Promise<Void> next;
      synchronized (this) {
        next = again;
        again = null;
        running = next;
      }
      done.complete();
      if (next != null) {
        run(next);
      }
    });
  }

  private void flushInBackground() {
    if (!flushing.compareAndSet(false, true)) {
      return;
    }
    vertx.executeBlocking(() -> {
      ledger.flush();
      return null;
    }).onComplete(ar -> {
      flushing.set(false);
      if (ar.failed()) {
        LOG.warn("writing quota counts failed; they stay counted in memory and are written on the next try", ar.cause());
      }
    });
  }

  private record PlanKeys(UsagePlan plan, List<ApiKey> keys) {}

  private record Loaded(Map<String, String> apiScopes, Map<String, Account> accounts, List<PlanKeys> plans) {}

  /** Worker thread: reads keys, plans and accounts, and resolves them into buckets and meters. */
  private AccessRules build() {
    Loaded loaded = store.read(docs -> {
      Map<String, String> apiScopes = new HashMap<>();
      for (RestApi api : docs.listAll(Kind.REST_API)) {
        docs.scopeOf(Kind.REST_API, api.id()).ifPresent(scope -> apiScopes.put(api.id(), scope));
      }
      Map<String, Account> accounts = new HashMap<>();
      for (String scope : new HashSet<>(apiScopes.values())) {
        accounts.put(scope, docs.get(Kind.ACCOUNT, scope, "account").orElseGet(Account::defaults));
      }
      List<PlanKeys> plans = new ArrayList<>();
      for (UsagePlan plan : docs.listAll(Kind.USAGE_PLAN)) {
        String scope = docs.scopeOf(Kind.USAGE_PLAN, plan.id()).orElse(null);
        List<ApiKey> keys = new ArrayList<>();
        for (UsagePlanKey member : scope == null ? List.<UsagePlanKey>of() : docs.list(Kind.USAGE_PLAN_KEY, plan.id())) {
          docs.get(Kind.API_KEY, scope, member.id()).ifPresent(keys::add);
        }
        plans.add(new PlanKeys(plan, keys));
      }
      return new Loaded(apiScopes, accounts, plans);
    });
    Set<String> liveBuckets = new HashSet<>();
    Map<String, RateLimiter> accountLimits = new HashMap<>();
    loaded.apiScopes().forEach((apiId, scope) -> {
      RateLimiter limit = bucket("account/" + scope, loaded.accounts().get(scope).throttleSettings(), liveBuckets);
      if (limit != null) {
        accountLimits.put(apiId, limit);
      }
    });
    Set<String> liveMeters = new HashSet<>();
    Map<String, Map<String, PlanKey>> keysByStage = new HashMap<>();
    for (PlanKeys entry : loaded.plans()) {
      UsagePlan plan = entry.plan();
      for (ApiKey key : entry.keys()) {
        // A disabled key is refused like an unknown one: both are 403 Forbidden.
        if (!Boolean.TRUE.equals(key.enabled()) || key.value() == null) {
          continue;
        }
        String digest = ApiKeyValues.sha256(key.value());
        String prefix = "plan/" + plan.id() + "/" + key.id();
        RateLimiter planLimit = bucket(prefix, plan.throttle(), liveBuckets);
        QuotaMeter quota = ledger.meter(plan.id(), key.id(), plan.quota());
        if (quota != null) {
          liveMeters.add(plan.id() + "/" + key.id());
        }
        for (UsagePlan.ApiStage stage : plan.apiStages() == null ? List.<UsagePlan.ApiStage>of() : plan.apiStages()) {
          Map<String, RateLimiter> methodLimits = new HashMap<>();
          if (stage.throttle() != null) {
            stage.throttle().forEach((method, limit) -> {
              RateLimiter bucket = bucket(prefix + "/" + stage.key() + "/" + method, limit, liveBuckets);
              if (bucket != null) {
                methodLimits.put(method, bucket);
              }
            });
          }
          keysByStage.computeIfAbsent(AccessRules.stageKey(stage.apiId(), stage.stage()), s -> new HashMap<>())
              .put(digest, new PlanKey(key.id(), plan.id(), planLimit, methodLimits, quota));
        }
      }
    }
    buckets.retain("plan/", liveBuckets);
    buckets.retain("account/", liveBuckets);
    ledger.retain(liveMeters);
    return new AccessRules(keysByStage, accountLimits);
  }

  /** A limit needs both numbers; one without the other limits nothing. */
  private RateLimiter bucket(String id, ThrottleSettings limit, Set<String> live) {
    if (limit == null || limit.rateLimit() == null || limit.burstLimit() == null) {
      return null;
    }
    live.add(id);
    return buckets.bucket(id, limit.rateLimit(), limit.burstLimit());
  }

  @Override
  public String toString() {
    return "AccessSync(" + live + ", " + buckets + ", " + ledger + ")";
  }
}
