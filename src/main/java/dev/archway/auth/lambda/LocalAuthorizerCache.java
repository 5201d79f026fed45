package dev.archway.auth.lambda;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Lambda authorizer results in this node's memory: each entry lives for its authorizer's TTL;
 * bounded in size. One per server, shared by every stage and every recompile. Its futures are
 * completed at once, so a step goes on without a listener.
 *
 * @param <V> what is cached: the REST authorizer output, or another format's
 */
public final class LocalAuthorizerCache<V> implements AuthorizerCache<V> {
  static final long MAX_ENTRIES = 100_000;

  private record Entry<V>(V value, Duration ttl) {}

  private final Cache<Key, Entry<V>> cache;

  public LocalAuthorizerCache(com.github.benmanes.caffeine.cache.Ticker ticker) {
    this.cache = Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        .ticker(ticker)
        .expireAfter(new Expiry<Key, Entry<V>>() {
          @Override
          public long expireAfterCreate(Key key, Entry<V> entry, long now) {
            return entry.ttl().toNanos();
          }

          @Override
          public long expireAfterUpdate(Key key, Entry<V> entry, long now, long remaining) {
            return entry.ttl().toNanos();
          }

          @Override
          public long expireAfterRead(Key key, Entry<V> entry, long now, long remaining) {
            return remaining;
          }
        })
        .build();
  }

  public LocalAuthorizerCache() {
    this(com.github.benmanes.caffeine.cache.Ticker.systemTicker());
  }

  @Override
  public Future<V> get(Key key) {
    Entry<V> entry = cache.getIfPresent(key);
    return Future.succeededFuture(entry == null ? null : entry.value());
  }

  @Override
  public void put(Key key, V value, Duration ttl) {
    if (!ttl.isZero() && !ttl.isNegative()) {
      cache.put(key, new Entry<>(value, ttl));
    }
  }

  @Override
  public Future<Void> flush(String apiId, String stage) {
    cache.asMap().keySet().removeIf(k -> k.apiId().equals(apiId) && k.stage().equals(stage));
    return Future.succeededFuture();
  }

  /** For metrics: the entries held, expired ones removed first. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  public String toString() {
    return "LocalAuthorizerCache(" + cache.estimatedSize() + " entries, max " + MAX_ENTRIES + ")";
  }
}
