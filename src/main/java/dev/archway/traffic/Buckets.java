package dev.archway.traffic;

import java.util.Set;

/**
 * Where the token buckets live: on this node ({@link LocalBuckets}) now, in Redis when several
 * nodes share limits. A bucket is named by what it limits (e.g. {@code stage/{apiId}/{stage}/~1pets/GET}),
 * so recompiling a stage or rebuilding the usage plans finds the same bucket, with the tokens it
 * had, as long as its limit did not change. Called when snapshots are built, never per request.
 */
public interface Buckets {

  /** The bucket named {@code id} with this limit; a new, full one if it did not exist or its limit changed. */
  RateLimiter bucket(String id, double ratePerSecond, int burst);

  /** Forgets the buckets whose id starts with {@code prefix} and is not in {@code live} (deleted keys, plans). */
  void retain(String prefix, Set<String> live);
}
