package dev.archway.traffic;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The buckets of this node, by name. Limits hold per node; several nodes share them through Redis instead. */
public final class LocalBuckets implements Buckets {
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  public LocalBuckets() {
    this(System::nanoTime);
  }

  public LocalBuckets(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public RateLimiter bucket(String id, double ratePerSecond, int burst) {
    return buckets.compute(id, (name, existing) -> existing != null && existing.limits(ratePerSecond, burst)
        ? existing : TokenBucket.of(ratePerSecond, burst, nanoClock));
  }

  @Override
  public void retain(String prefix, Set<String> live) {
    buckets.keySet().removeIf(id -> id.startsWith(prefix) && !live.contains(id));
  }

  @Override
  public String toString() {
    return "LocalBuckets(" + buckets.size() + " buckets)";
  }
}
