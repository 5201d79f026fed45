package dev.archway.cache;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * One REST stage's response cache, what AWS calls the stage's cache cluster: answers by key, each
 * kept for its method's TTL. One instance serves one stage, so keys need not name the API or the
 * stage. Every operation answers with a future so that a cache in another process (Redis) fits
 * behind it; it is called on event loops, so no implementation may block, and the local one
 * answers with completed futures (the request pipeline then goes on without a listener).
 * Implementations are thread-safe; a failed operation is treated by callers as a miss (get) or
 * as nothing kept (put), never as a failed request.
 */
public interface ResponseCache {

  /** The answer kept under {@code key}, or a null result when there is none or it expired. */
  Future<CachedResponse> get(String key);

  /** Keeps {@code response} under {@code key} for {@code ttl}, in place of what was there. */
  Future<Void> put(String key, CachedResponse response, Duration ttl);

  /** Forgets the answer kept under {@code key}, if any. */
  Future<Void> invalidate(String key);

  /** FlushStageCache: forgets every answer. */
  Future<Void> flush();
}
