package dev.archway.cluster;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stage keeps in the Redis every node shares (its response cache, its authorizer results),
 * under the stage's generation: each read and write runs one script (one round trip) on the current
 * generation's entries, each entry expires by its TTL (PX), and a flush moves the generation on
 * (INCR), which empties the stage's entries for every node at once without scanning keys. While
 * Redis is away or slower than {@link SharedRedis#TIMEOUT_MILLIS}, a read is a miss and a write
 * keeps nothing, never an error: {@link SharedRedis} logs the outage once.
 */
final class StageEntries {
  private static final Logger LOG = LoggerFactory.getLogger(StageEntries.class);
  /** KEYS[1] the stage's generation; ARGV[1] the entry's key under it. */
  static final LuaScript GET = new LuaScript("""
      local generation = redis.call('GET', KEYS[1]) or '0'
      return redis.call('GET', KEYS[1] .. ':' .. generation .. ':' .. ARGV[1])
      """);
  /** KEYS[1] the stage's generation; ARGV: the entry's key, its value, its TTL in ms. */
  static final LuaScript PUT = new LuaScript("""
      local generation = redis.call('GET', KEYS[1]) or '0'
      return redis.call('SET', KEYS[1] .. ':' .. generation .. ':' .. ARGV[1], ARGV[2], 'PX', ARGV[3])
      """);
  static final LuaScript INVALIDATE = new LuaScript("""
      local generation = redis.call('GET', KEYS[1]) or '0'
      return redis.call('DEL', KEYS[1] .. ':' .. generation .. ':' .. ARGV[1])
      """);

  private final SharedRedis redis;
  private final String generation;

  /** @param generation the key of the stage's generation, e.g. {@code archway:cache:apiId/stage}; entries live under it */
  StageEntries(SharedRedis redis, String generation) {
    this.redis = redis;
    this.generation = generation;
  }

  /** The entry's bytes, or a null result when there is none, it expired, or Redis did not answer. */
  Future<Buffer> get(String key) {
    return GET.run(redis, generation, key)
        .map(found -> found == null ? null : found.toBuffer())
        .otherwise(error -> {
          if (redis.up()) {
            LOG.warn("{}: look-up failed, answering as a miss: {}", generation, error.toString());
          }
          return null;
        });
  }

  /** Keeps {@code value} under {@code key} for {@code ttl} (a zero TTL forgets it instead). */
  Future<Void> put(String key, Buffer value, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return invalidate(key);
    }
    return quietly(PUT.run(redis, generation, key, value, ttl.toMillis()).mapEmpty());
  }

  Future<Void> invalidate(String key) {
    return quietly(INVALIDATE.run(redis, generation, key).mapEmpty());
  }

  /** Empties the stage's entries for every node; fails (logged) when Redis does not answer. */
  Future<Void> flush(String operation) {
    return redis.send(Request.cmd(Command.INCR).arg(generation)).<Void>mapEmpty()
        .onFailure(error -> LOG.warn("{}: {} not done, Redis did not answer: {}", generation, operation, error.toString()));
  }

  /** A write that fails while Redis is away is nothing kept, not an error (the outage is logged once). */
  private Future<Void> quietly(Future<Void> write) {
    return write.recover(error -> redis.up() ? Future.failedFuture(error) : Future.succeededFuture());
  }

  @Override
  public String toString() {
    return "StageEntries(" + generation + ")";
  }
}
