package dev.archway.auth.lambda;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.List;

/**
 * Lambda authorizer results by authorizer and identity (AWS-BEHAVIOUR A.15, D.9). The key is the
 * identity-source values only, never the method: what is cached is the policy, and the caller
 * re-evaluates it against each request's method ARN, so a policy that allows only the first
 * method denies the next, as on AWS. Each entry lives for its authorizer's TTL; bounded in size.
 * One per server, shared by every stage and every recompile (a redeploy gets new keys through
 * its deployment id). Thread-safe.
 *
 * @param <V> what is cached: the REST authorizer output, or another format's
 */
public final class AuthorizerCache<V> {
  static final long MAX_ENTRIES = 100_000;

  /** {@code identity} holds the identity-source values in the authorizer's order. */
  public record Key(String apiId, String stage, String deploymentId, String authorizerId, List<String> identity) {
    public Key {
      identity = List.copyOf(identity);
    }
  }

  private record Entry<V>(V value, Duration ttl) {}

  private final Cache<Key, Entry<V>> cache;

  public AuthorizerCache(com.github.benmanes.caffeine.cache.Ticker ticker) {
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

  public AuthorizerCache() {
    this(com.github.benmanes.caffeine.cache.Ticker.systemTicker());
  }

  /** The cached value, or null. */
  public V get(Key key) {
    Entry<V> entry = cache.getIfPresent(key);
    return entry == null ? null : entry.value();
  }

  /** Keeps {@code value} for {@code ttl}; a zero TTL keeps nothing. */
  public void put(Key key, V value, Duration ttl) {
    if (!ttl.isZero() && !ttl.isNegative()) {
      cache.put(key, new Entry<>(value, ttl));
    }
  }

  /** FlushStageAuthorizersCache: forgets every result cached for the stage. */
  public void flush(String apiId, String stage) {
    cache.asMap().keySet().removeIf(k -> k.apiId().equals(apiId) && k.stage().equals(stage));
  }

  /** For metrics: the entries held, expired ones removed first. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  public String toString() {
    return "AuthorizerCache(" + cache.estimatedSize() + " entries, max " + MAX_ENTRIES + ")";
  }
}
