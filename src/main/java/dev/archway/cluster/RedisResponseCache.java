package dev.archway.cluster;

import dev.archway.cache.CachedResponse;
import dev.archway.cache.ResponseCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST stage's response cache in the Redis every node shares, so an answer kept through one
 * node is a hit on the others. Entries live under the stage's current generation and expire by
 * their TTL (PX); FlushStageCache moves the generation on (INCR), which empties the cache for every
 * node at once without scanning keys. While Redis is away or slower than {@link SharedRedis#TIMEOUT_MILLIS},
 * a look-up is a miss and nothing is kept: the integration answers, and {@link SharedRedis} logs the outage once.
 */
final class RedisResponseCache implements ResponseCache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisResponseCache.class);
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
  private static final byte FORMAT = 1;

  private final SharedRedis redis;
  private final String generation;

  /** @param stage the API and stage ({@code apiId/stage}) whose answers this keeps */
  RedisResponseCache(SharedRedis redis, String stage) {
    this.redis = redis;
    this.generation = "archway:cache:" + stage;
  }

  @Override
  public Future<CachedResponse> get(String key) {
    return GET.run(redis, generation, key)
        .map(found -> found == null ? null : decode(found.toBuffer()))
        .otherwise(error -> {
          if (redis.up()) {
            LOG.warn("{}: look-up failed, answering as a miss: {}", generation, error.toString());
          }
          return null;
        });
  }

  @Override
  public Future<Void> put(String key, CachedResponse response, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return invalidate(key);
    }
    return quietly(PUT.run(redis, generation, key, encode(response), ttl.toMillis()).mapEmpty());
  }

  @Override
  public Future<Void> invalidate(String key) {
    return quietly(INVALIDATE.run(redis, generation, key).mapEmpty());
  }

  @Override
  public Future<Void> flush() {
    return redis.send(Request.cmd(Command.INCR).arg(generation)).<Void>mapEmpty()
        .onFailure(error -> LOG.warn("{}: FlushStageCache not done, Redis did not answer: {}", generation, error.toString()));
  }

  /** A write that fails while Redis is away is nothing kept, not an error (the outage is logged once). */
  private Future<Void> quietly(Future<Void> write) {
    return write.recover(error -> redis.up() ? Future.failedFuture(error) : Future.succeededFuture());
  }

  /** Status, headers and body as length-prefixed bytes: any body, binary or not, comes back as it went. */
  static Buffer encode(CachedResponse response) {
    Buffer buffer = Buffer.buffer(response.weight() + 16).appendByte(FORMAT)
        .appendInt(response.statusCode()).appendInt(response.headers().size());
    for (Map.Entry<String, String> header : response.headers()) {
      appendString(buffer, header.getKey());
      appendString(buffer, header.getValue());
    }
    return buffer.appendInt(response.body().length).appendBytes(response.body());
  }

  static CachedResponse decode(Buffer buffer) {
    if (buffer.length() < 9 || buffer.getByte(0) != FORMAT) {
      return null; // written by another version: a miss
    }
    int status = buffer.getInt(1);
    int count = buffer.getInt(5);
    int at = 9;
    List<Map.Entry<String, String>> headers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int nameLength = buffer.getInt(at);
      String name = buffer.getString(at + 4, at + 4 + nameLength, StandardCharsets.UTF_8.name());
      at += 4 + nameLength;
      int valueLength = buffer.getInt(at);
      String value = buffer.getString(at + 4, at + 4 + valueLength, StandardCharsets.UTF_8.name());
      at += 4 + valueLength;
      headers.add(Map.entry(name, value));
    }
    int bodyLength = buffer.getInt(at);
    return new CachedResponse(status, headers, buffer.getBytes(at + 4, at + 4 + bodyLength));
  }

  private static void appendString(Buffer buffer, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  @Override
  public String toString() {
    return "RedisResponseCache(" + generation + ")";
  }
}
