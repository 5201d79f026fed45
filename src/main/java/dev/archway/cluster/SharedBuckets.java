package dev.archway.cluster;

import dev.archway.traffic.Buckets;
import dev.archway.traffic.RateLimiter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The buckets of every node, in Redis: the same names and limits as {@link dev.archway.traffic.LocalBuckets}, counted once for the cluster. */
final class SharedBuckets implements Buckets {
  private final SharedRedis redis;
  private final Membership membership;
  private final ConcurrentHashMap<String, SharedBucket> buckets = new ConcurrentHashMap<>();

  SharedBuckets(SharedRedis redis, Membership membership) {
    this.redis = redis;
    this.membership = membership;
  }

  @Override
  public RateLimiter bucket(String id, double ratePerSecond, int burst) {
    return buckets.compute(id, (name, existing) -> existing != null && existing.limits(ratePerSecond, burst)
        ? existing : new SharedBucket(redis, membership, id, ratePerSecond, burst));
  }

  @Override
  public void retain(String prefix, Set<String> live) {
    buckets.keySet().removeIf(id -> id.startsWith(prefix) && !live.contains(id));
  }

  @Override
  public String toString() {
    return "SharedBuckets(" + buckets.size() + " buckets over " + redis + ")";
  }
}
