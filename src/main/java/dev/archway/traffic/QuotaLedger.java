package dev.archway.traffic;

import dev.archway.model.QuotaSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The quotas being enforced: one {@link QuotaMeter} per key and plan, counted in memory on the
 * request path and written to the {@link QuotaCounters} in batches ({@link #flush()}, every
 * second and at shutdown), loaded from them when a meter is made, so a quota survives a restart.
 * It is also the control plane's view of the counters: GetUsage reads after a flush, and
 * UpdateUsage's grants reach the meters at once. Every method here may block (the counters are
 * the store or Redis): call it from worker threads. The request path only calls the meters.
 */
public final class QuotaLedger implements QuotaCounters {
  private final QuotaCounters counters;
  private final Clock clock;
  private final SharedQuotas shared;
  /** By {@code planId/keyId}; guarded by {@code this}, like every load and write. */
  private final Map<String, Entry> meters = new HashMap<>();

  private record Entry(QuotaMeter meter, QuotaSettings quota) {}

  public QuotaLedger(QuotaCounters counters, Clock clock) {
    this(counters, clock, null);
  }

  /** @param shared where the meters count with other nodes' (Redis); null counts on this node */
  public QuotaLedger(QuotaCounters counters, Clock clock, SharedQuotas shared) {
    this.counters = counters;
    this.clock = clock;
    this.shared = shared;
  }

  /**
   * The meter of a key in a plan with this quota, loaded from the counters when it is new or its
   * quota changed; null when the quota limits nothing (no period).
   */
  public synchronized QuotaMeter meter(String planId, String keyId, QuotaSettings quota) {
    QuotaWindow.Period period = quota == null ? null : QuotaWindow.period(quota.period());
    if (period == null) {
      return null;
    }
    String id = planId + "/" + keyId;
    Entry entry = meters.get(id);
    if (entry != null && entry.quota().equals(quota)) {
      return entry.meter();
    }
    QuotaMeter meter = entry == null ? new QuotaMeter(planId, keyId, clock, shared) : entry.meter();
    meters.put(id, new Entry(meter, quota));
    load(meter, quota);
    return meter;
  }

  /** Forgets the meters of keys and plans no longer enforced, after writing what they counted. */
  public synchronized void retain(Set<String> live) {
    flush();
    meters.keySet().removeIf(id -> !live.contains(id));
  }

  /** Writes every request counted since the last flush to the counters. */
  public synchronized void flush() {
    for (Entry entry : meters.values()) {
      QuotaMeter m = entry.meter();
      m.drain((day, requests) -> counters.add(m.planId(), m.keyId(), day, requests));
    }
  }

  @Override
  public synchronized long add(String planId, String keyId, LocalDate day, long requests) {
    return counters.add(planId, keyId, day, requests);
  }

  @Override
  public synchronized Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
    flush();
    return counters.daily(planId, keyId, from, to);
  }

  @Override
  public synchronized long grant(String planId, String keyId, LocalDate windowStart) {
    return counters.grant(planId, keyId, windowStart);
  }

  /** UpdateUsage and a quota's offset: the affected meters allow the new amount from now on. */
  @Override
  public synchronized void setGrant(String planId, String keyId, LocalDate windowStart, long requests) {
    counters.setGrant(planId, keyId, windowStart, requests);
    for (Map.Entry<String, Entry> e : new HashMap<>(meters).entrySet()) {
      QuotaMeter m = e.getValue().meter();
      if (m.planId().equals(planId) && (keyId.equals(EVERY_KEY) || m.keyId().equals(keyId))) {
        load(m, e.getValue().quota());
      }
    }
  }

  /** A plan's grants changed through another node: its meters allow the new amounts from now on. */
  public synchronized void reloadPlan(String planId) {
    meters.values().stream().filter(e -> e.meter().planId().equals(planId)).toList()
        .forEach(e -> load(e.meter(), e.quota()));
  }

  @Override
  public synchronized void forgetPlan(String planId) {
    meters.values().removeIf(e -> e.meter().planId().equals(planId));
    counters.forgetPlan(planId);
  }

  /** The current window as the counters have it: what was used in it and what it allows. */
  private void load(QuotaMeter meter, QuotaSettings quota) {
    QuotaWindow.Period period = QuotaWindow.period(quota.period());
    LocalDate today = LocalDate.now(clock);
    QuotaWindow window = QuotaWindow.of(period, today);
    meter.drain((day, requests) -> counters.add(meter.planId(), meter.keyId(), day, requests));
    long used = counters.daily(meter.planId(), meter.keyId(), window.start(), today).values().stream()
        .mapToLong(Long::longValue).sum();
    long allowance = QuotaBalance.allowance(counters, meter.planId(), meter.keyId(), quota, window);
    meter.load(period, quota.limit() == null ? 0 : quota.limit(), window, used, allowance);
  }

  @Override
  public synchronized String toString() {
    return "QuotaLedger(" + meters.size() + " meters over " + counters.getClass().getSimpleName() + ")";
  }
}
