package dev.archway.cluster;

import dev.archway.traffic.RateLimiter;
import dev.archway.traffic.TokenBucket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket shared by every node through Redis, spent locally. Redis holds the bucket (its
 * full-again instant, as {@link TokenBucket} holds it, on Redis's clock); a node leases a few
 * tokens at a time with one atomic script and spends them without a round trip, asking for the
 * next lease in the background once half is spent. A node holds at most {@code lease} tokens
 * (a twentieth of the burst per node, at least one), so the cluster admits what one bucket would,
 * give or take the tokens leased but not yet spent; a request that finds the lease empty while
 * the next one is on its way is throttled (429), never made to wait. While Redis is away, and until
 * the first lease answers once it is back, the node uses a local bucket of its share, rate/N and
 * burst/N over the N nodes it last saw.
 */
final class SharedBucket implements RateLimiter {
  /**
   * KEYS[1] the bucket; ARGV: microseconds per token, burst, tokens wanted. Returns the tokens
   * granted. The key expires when the bucket would be full again: an absent key is a full bucket.
   */
  static final LuaScript TAKE = new LuaScript("""
      redis.replicate_commands()
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local interval = tonumber(ARGV[1])
      local burst = tonumber(ARGV[2])
      local tat = tonumber(redis.call('GET', KEYS[1]) or now)
      if tat < now then tat = now end
      local granted = math.floor((now + burst * interval - tat) / interval)
      if granted > tonumber(ARGV[3]) then granted = tonumber(ARGV[3]) end
      if granted <= 0 then return 0 end
      tat = tat + granted * interval
      redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1)
      return granted
      """);
  /** A bucket that never refills (rate 0) only holds its burst: its tokens come back after a year. */
  private static final double NEVER_MICROS = 365 * 86_400 * 1e6;

  private final SharedRedis redis;
  private final Membership membership;
  private final String key;
  private final double rate;
  private final int burst;
  private final long intervalMicros;
  private final int lease;
  private final AtomicLong held = new AtomicLong();
  private final AtomicBoolean leasing = new AtomicBoolean();
  private volatile TokenBucket local;
  /** Whether a lease answered since Redis came (back): until one has, the local share decides. */
  private volatile boolean sharing;
  private volatile int localNodes;

  SharedBucket(SharedRedis redis, Membership membership, String id, double rate, int burst) {
    this.redis = redis;
    this.membership = membership;
    this.rate = rate;
    this.burst = burst;
    // The limits are part of the key: a changed limit is a new, full bucket, as on one node.
    this.key = "archway:bucket:" + id + ":" + rate + ":" + burst;
    this.intervalMicros = rate > 0 ? Math.max(1, Math.round(1e6 / rate)) : (long) NEVER_MICROS;
    this.lease = Math.max(1, burst / (20 * membership.size()));
    lease();
  }

  @Override
  public boolean tryAcquire() {
    if (!redis.up()) {
      sharing = false;
      return local().tryAcquire();
    }
    if (!sharing && held.get() <= 0) {
      lease();
      return local().tryAcquire();
    }
    if (!sharing) {
      sharing = true;
      local = null;
    }
    while (true) {
      long tokens = held.get();
      if (tokens <= 0) {
        lease();
        return false;
      }
      if (held.compareAndSet(tokens, tokens - 1)) {
        if (tokens - 1 <= lease / 2) {
          lease();
        }
        return true;
      }
    }
  }

  boolean limits(double ratePerSecond, int burstLimit) {
    return Double.compare(rate, ratePerSecond) == 0 && burst == burstLimit;
  }

  /** Asks Redis for the tokens that fill the lease; one request at a time. */
  private void lease() {
    long wanted = lease - held.get();
    if (wanted <= 0 || !redis.up() || !leasing.compareAndSet(false, true)) {
      return;
    }
    TAKE.run(redis, key, intervalMicros, burst, wanted).onComplete(result -> {
      if (result.succeeded() && result.result() != null) {
        held.addAndGet(result.result().toLong());
        sharing = true;
      }
      leasing.set(false);
    });
  }

  /** This node's share of the bucket while Redis is away: rate/N and burst/N over the nodes last seen. */
  private TokenBucket local() {
    int nodes = membership.size();
    TokenBucket bucket = local;
    if (bucket == null || localNodes != nodes) {
      bucket = TokenBucket.of(rate / nodes, Math.max(1, burst / nodes), System::nanoTime);
      localNodes = nodes;
      local = bucket;
    }
    return bucket;
  }

  @Override
  public String toString() {
    return "SharedBucket(rate=" + rate + "/s, burst=" + burst + ", lease " + lease + ")";
  }
}
