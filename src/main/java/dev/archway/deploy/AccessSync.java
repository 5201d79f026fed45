package dev.archway.deploy;

import dev.archway.model.Account;
import dev.archway.model.ThrottleSettings;
import dev.archway.store.Change;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.StoreException;
import dev.archway.store.V2Kinds;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.StoreQuotaCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
      Set.of(Kind.REST_API, V2Kinds.API, Kind.API_KEY, Kind.USAGE_PLAN, Kind.USAGE_PLAN_KEY, Kind.ACCOUNT);
  private static final long FLUSH_MILLIS = 1000;

  private final Vertx vertx;
  private final Store store;
  private final LiveAccess live;
  private final Buckets buckets;
  private final QuotaLedger ledger;
  private final Rebuilds rebuilds;
  private final AtomicBoolean flushing = new AtomicBoolean();
  private long flushTimer = -1;
  private volatile boolean flushFailing;

  public AccessSync(Vertx vertx, Store store, LiveAccess live, Buckets buckets, QuotaLedger ledger) {
    this(vertx, store, live, buckets, ledger, Account.defaults().throttleSettings());
  }

  /** @param accountThrottle the account-level limit of every account and region */
  public AccessSync(Vertx vertx, Store store, LiveAccess live, Buckets buckets, QuotaLedger ledger,
      ThrottleSettings accountThrottle) {
    this.vertx = vertx;
    this.store = store;
    this.live = live;
    this.buckets = buckets;
    this.ledger = ledger;
    AccessRulesLoader rules = new AccessRulesLoader(store, buckets, ledger, accountThrottle);
    this.rebuilds = new Rebuilds(vertx, () -> live.publish(rules.load()), LOG,
        "rebuilding API keys and usage plans failed; the previous ones stay in force");
  }

  /** Builds and publishes the rules; completes when they are live. */
  public Future<Void> start() {
    store.onChange(this::changed);
    flushTimer = vertx.setPeriodic(FLUSH_MILLIS, id -> flushInBackground());
    return rebuilds.request();
  }

  /** Stops the periodic flush and writes what the meters counted (shutdown; blocks). */
  public void stop() {
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
    }
    try {
      ledger.flush();
    } catch (StoreException e) { // a node stopped while its shared store is away: the rest must still close
      LOG.warn("quota counts since the last write are lost at shutdown: {}", e.toString());
    }
  }

  /** Completes when every rebuild scheduled so far has published (read-your-writes for the management API). */
  public Future<Void> settled() {
    return rebuilds.settled();
  }

  private void changed(Change change) {
    if (StoreQuotaCounters.GRANT.equals(change.kind())) {
      vertx.executeBlocking(() -> {
        ledger.reloadPlan(change.scope());
        return null;
      }, false).onFailure(e -> LOG.warn("reloading the quotas of plan {} failed: {}", change.scope(), e.toString()));
      return;
    }
    if (change.everything() || WATCHED.contains(change.kind())) {
      rebuilds.request();
    }
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
      // One line when writing starts failing (a store outage lasts many flushes) and one when it works again.
      if (ar.failed() && !flushFailing) {
        LOG.warn("writing quota counts failed; they stay counted in memory and are written on the next try: {}",
            ar.cause().toString());
        flushFailing = true;
      } else if (ar.succeeded() && flushFailing) {
        LOG.info("quota counts written again");
        flushFailing = false;
      }
    });
  }

  @Override
  public String toString() {
    return "AccessSync(" + live + ", " + buckets + ", " + ledger + ")";
  }
}
