package dev.archway.traffic;

import dev.archway.model.QuotaSettings;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a key has used and what it has left of a plan's quota, day by day: the numbers GetUsage
 * reports and the quota step enforces. Remaining at the end of a day = limit + grants of its
 * window - requests from the window's start to that day.
 */
public final class QuotaBalance {
  private QuotaBalance() {}

  /** One day's entry: requests that day, and the quota left at its end. */
  public record Day(long used, long remaining) {}

  /** Entries for each day from {@code from} to {@code to}; with no quota, remaining is always 0. */
  public static Map<LocalDate, Day> daily(
      QuotaCounters counters, String planId, String keyId, QuotaSettings quota, LocalDate from, LocalDate to) {
    QuotaWindow.Period period = quota == null ? null : QuotaWindow.period(quota.period());
    LocalDate since = period == null ? from : QuotaWindow.of(period, from).start();
    Map<LocalDate, Long> counts = counters.daily(planId, keyId, since, to);
    Map<LocalDate, Day> out = new LinkedHashMap<>();
    QuotaWindow window = null;
    long usedInWindow = 0;
    long allowance = 0;
    for (LocalDate day = since; !day.isAfter(to); day = day.plusDays(1)) {
      long used = counts.getOrDefault(day, 0L);
      if (period != null) {
        if (window == null || !window.contains(day)) {
          window = QuotaWindow.of(period, day);
          usedInWindow = 0;
          allowance = allowance(counters, planId, keyId, quota, window);
        }
        usedInWindow += used;
      }
      if (!day.isBefore(from)) {
        out.put(day, new Day(used, period == null ? 0 : Math.max(0, allowance - usedInWindow)));
      }
    }
    return out;
  }

  /** The requests a key may make in a window: the limit plus what was granted to it and to every key. */
  public static long allowance(QuotaCounters counters, String planId, String keyId, QuotaSettings quota, QuotaWindow window) {
    long limit = quota.limit() == null ? 0 : quota.limit();
    return limit + counters.grant(planId, keyId, window.start())
        + counters.grant(planId, QuotaCounters.EVERY_KEY, window.start());
  }
}
