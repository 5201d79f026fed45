package dev.archway.traffic;

import java.time.LocalDate;
import java.util.Map;

/**
 * Per-key request counts of usage plans, by UTC day, and the grants that move a key's quota.
 * The embedded store keeps them ({@link StoreQuotaCounters}); a Redis implementation shares them
 * between nodes. Calls may block (JDBC, a Redis round trip): use them from worker threads.
 */
public interface QuotaCounters {

  /** The key id of a grant that applies to every key of a plan (the quota's offset). */
  String EVERY_KEY = "*";

  /** Adds {@code requests} to a key's count for {@code day} and returns the day's new count. */
  long add(String planId, String keyId, LocalDate day, long requests);

  /** A key's counts for each day from {@code from} to {@code to}, both included; days without requests are absent. */
  Map<LocalDate, Long> daily(String planId, String keyId, LocalDate from, LocalDate to);

  /**
   * Requests granted beyond the plan's limit (negative: withheld) to a key, or to every key
   * with {@link #EVERY_KEY}, in the quota window that starts on {@code windowStart}; 0 if none.
   */
  long grant(String planId, String keyId, LocalDate windowStart);

  /** Replaces the grant of a key (or of every key) in one quota window. */
  void setGrant(String planId, String keyId, LocalDate windowStart, long requests);

  /** Forgets every count and grant of a plan (DeleteUsagePlan). */
  void forgetPlan(String planId);
}
