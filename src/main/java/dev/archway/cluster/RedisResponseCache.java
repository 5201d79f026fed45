package dev.archway.cluster;

import dev.archway.cache.CachedResponse;
import dev.archway.cache.ResponseCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One REST stage's response cache in the Redis every node shares, so an answer kept through one
 * node is a hit on the others; kept as {@link StageEntries} (FlushStageCache moves the stage's
 * generation on). While Redis is away or slow, a look-up is a miss and nothing is kept: the
 * integration answers.
 */
final class RedisResponseCache implements ResponseCache {
  private static final byte FORMAT = 1;

  private final StageEntries entries;

  /** @param stage the API and stage ({@code apiId/stage}) whose answers this keeps */
  RedisResponseCache(SharedRedis redis, String stage) {
    this.entries = new StageEntries(redis, "archway:cache:" + stage);
  }

  @Override
  public Future<CachedResponse> get(String key) {
    return entries.get(key).map(found -> found == null ? null : decode(found));
  }

  @Override
  public Future<Void> put(String key, CachedResponse response, Duration ttl) {
    return entries.put(key, encode(response), ttl);
  }

  @Override
  public Future<Void> invalidate(String key) {
    return entries.invalidate(key);
  }

  @Override
  public Future<Void> flush() {
    return entries.flush("FlushStageCache");
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
    return "RedisResponseCache(" + entries + ")";
  }
}
