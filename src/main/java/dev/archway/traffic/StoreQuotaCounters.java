package dev.archway.traffic;

import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quota counters in the store's documents, scoped by plan id: a count per (key, day), a grant per
 * (key, window). One transaction per call; fine for the control plane and a single node.
 */
public final class StoreQuotaCounters implements QuotaCounters {
  record DailyCount(long used) {}

  public record Grant(long requests) {}

  static final Kind<DailyCount> DAILY_COUNT = new Kind<>("quotacount", DailyCount.class);
  /** Scoped by plan id: a change of one (UpdateUsage through another node) reloads that plan's meters. */
  public static final Kind<Grant> GRANT = new Kind<>("quotagrant", Grant.class);

  private final Store store;

  public StoreQuotaCounters(Store store) {
    this.store = store;
  }

  @Override
  public long add(String planId, String keyId, LocalDate day, long requests) {
    return store.write(docs -> {
      String id = keyId + "/" + day;
      long used = docs.get(DAILY_COUNT, planId, id).map(DailyCount::used).orElse(0L) + requests;
      docs.put(DAILY_COUNT, planId, id, new DailyCount(used));
      return used;
    });
  }

  @Override
  public Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to) {
    return store.read(docs -> {
      Map<LocalDate, Long> out = new TreeMap<>();
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        LocalDate d = day;
        docs.get(DAILY_COUNT, planId, keyId + "/" + day).ifPresent(c -> out.put(d, c.used()));
      }
      return out;
    });
  }

  @Override
  public long grant(String planId, String keyId, LocalDate windowStart) {
    return store.read(docs -> read(docs, planId, keyId, windowStart));
  }

  @Override
  public void setGrant(String planId, String keyId, LocalDate windowStart, long requests) {
    store.write(docs -> {
      docs.put(GRANT, planId, keyId + "/" + windowStart, new Grant(requests));
      return null;
    });
  }

  /** The plan's scope holds only its keys and counters, all of which go with the plan. */
  @Override
  public void forgetPlan(String planId) {
    store.write(docs -> {
      docs.deleteScope(planId);
      return null;
    });
  }

  private static long read(Documents docs, String planId, String keyId, LocalDate windowStart) {
    return docs.get(GRANT, planId, keyId + "/" + windowStart).map(Grant::requests).orElse(0L);
  }
}
