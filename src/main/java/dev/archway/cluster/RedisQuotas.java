package dev.archway.cluster;

import dev.archway.traffic.SharedQuotas;
import io.vertx.core.Future;

/** Quota windows counted in Redis by every node: one atomic script per request. */
final class RedisQuotas implements SharedQuotas {
  /**
   * KEYS[1] the window's counter; ARGV: allowance, the count to start from when there is none, the
   * requests a node admitted alone meanwhile (added to a counter that outlived an outage), TTL ms.
   * Returns the count after this request, or -1 when the allowance is used up.
   */
  static final LuaScript CONSUME = new LuaScript("""
      local used = redis.call('GET', KEYS[1])
      if used then
        used = tonumber(used)
        if tonumber(ARGV[3]) > 0 then used = redis.call('INCRBY', KEYS[1], ARGV[3]) end
      else
        used = tonumber(ARGV[2])
        redis.call('SET', KEYS[1], used, 'PX', ARGV[4])
      end
      if used >= tonumber(ARGV[1]) then return -1 end
      return redis.call('INCR', KEYS[1])
      """);

  private final SharedRedis redis;

  RedisQuotas(SharedRedis redis) {
    this.redis = redis;
  }

  @Override
  public boolean available() {
    return redis.up();
  }

  @Override
  public Future<Long> consume(String window, long allowance, long used, long catchUp, long ttlMillis) {
    return CONSUME.run(redis, "archway:quota:" + window, allowance, used, catchUp, Math.max(1, ttlMillis))
        .map(response -> response.toLong());
  }

  @Override
  public String toString() {
    return "RedisQuotas(" + redis + ")";
  }
}
