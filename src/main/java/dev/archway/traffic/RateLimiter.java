package dev.archway.traffic;

/**
 * One throttle limit (a token bucket: {@code rateLimit} tokens per second into a bucket of
 * {@code burstLimit}). Called on the event loop for every request it guards: implementations take
 * no lock, block on nothing and allocate nothing. {@link TokenBucket} is the local one; a Redis
 * one shared by several nodes implements the same contract (spending locally, reconciling in the
 * background), so steps do not change when limits become shared.
 */
public interface RateLimiter {

  /** Takes one token; false when the bucket is empty (the request is throttled). */
  boolean tryAcquire();
}
