package dev.archway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * A stage cache in this node's memory (Caffeine): weighed by the bytes of each answer and bounded
 * by the stage's cache size, each entry expiring after its own TTL. Answers never leave the
 * process (nothing is written to disk). Every operation completes at once.
 */
public final class LocalResponseCache implements ResponseCache {
  private record Entry(CachedResponse response, long ttlNanos) {}

  private final Cache<String, Entry> cache;
  private final long maximumBytes;

  public LocalResponseCache(long maximumBytes) {
    this.maximumBytes = maximumBytes;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maximumBytes)
        .<String, Entry>weigher((key, entry) -> key.length() + entry.response().weight())
        .expireAfter(new Expiry<String, Entry>() {
          @Override
          public long expireAfterCreate(String key, Entry entry, long now) {
            return entry.ttlNanos();
          }

          @Override
          public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
            return entry.ttlNanos();
          }

          @Override
          public long expireAfterRead(String key, Entry entry, long now, long remaining) {
            return remaining;
          }
        })
        .build();
  }

  @Override
  public Future<CachedResponse> get(String key) {
    Entry entry = cache.getIfPresent(key);
    return Future.succeededFuture(entry == null ? null : entry.response());
  }

  @Override
  public Future<Void> put(String key, CachedResponse response, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      cache.invalidate(key);
    } else {
      cache.put(key, new Entry(response, ttl.toNanos()));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> invalidate(String key) {
    cache.invalidate(key);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> flush() {
    cache.invalidateAll();
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "LocalResponseCache(" + cache.estimatedSize() + " entries, max " + maximumBytes + " bytes)";
  }
}
